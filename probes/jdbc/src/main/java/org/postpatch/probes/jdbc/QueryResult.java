package org.postpatch.probes.jdbc;

import java.time.Duration;

/**
 * What a query returned: the number of rows (or of rows changed, for a statement without a result),
 * the first column of the first row, and the time from sending it to reading its last row.
 *
 * @param firstValue the value, {@code null} for SQL NULL or when there was no row
 * @param hasFirstValue false when there was no row to take a first value from
 */
record QueryResult(long rows, Object firstValue, boolean hasFirstValue, Duration took) {
}
