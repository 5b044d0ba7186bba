package org.postpatch.probes.jdbc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postpatch.config.Durations;
import org.postpatch.spi.Key;
import org.postpatch.spi.Shape;
import org.postpatch.spi.Spec;

/** What a {@code jdbc} probe expects of its query: a row count, a first value and a time budget. */
record Expectations(Optional<RowCount> rows, Optional<FirstValue> value, Optional<Duration> within) {

    static final Expectations NONE = new Expectations(Optional.empty(), Optional.empty(), Optional.empty());

    /** The keys of an {@code expect} block. */
    static final Shape DECLARATION = Shape.block(
            Key.optional("rows", RowCount.DECLARATION, "none", "The number of rows. A number means exactly that many; a"
                    + " map gives bounds that must all hold: `eq`, `ge` (at least), `gt` (more than), `le` (at most), `lt`"
                    + " (fewer than), such as `{ ge: 1, le: 10 }`. For a statement without a result set (`update`,"
                    + " `delete`, `insert`) it is the number of rows changed."),
            Key.optional("value", FirstValue.DECLARATION, "none", "The first column of the first row. A scalar must be"
                    + " equal to it; a map is a matcher whose parts must all hold: `equals` (a value), `matches` (a Java"
                    + " regular expression matching the whole text), `gt`, `ge`, `lt`, `le` (numbers). Numbers are"
                    + " compared as numbers (`3` equals `3.0`), everything else as text; booleans read as `true`/`false`."),
            Key.optional("within", Shape.duration(), "none", "A budget for the query: from sending it to reading its last"
                    + " row (connecting is not counted)."));

    /** Reads an {@code expect} block. */
    static Expectations read(Spec expect) {
        if (!expect.isMap()) {
            expect.problem("expected a map with rows, value or within, found " + expect.describeType());
            return NONE;
        }
        return new Expectations(RowCount.read(expect), FirstValue.read(expect), expect.optionalDuration("within"));
    }

    /** Every expectation the result does not meet, in one line; empty when it meets them all. */
    Optional<String> mismatches(QueryResult result) {
        List<String> reasons = new ArrayList<>();
        rows.flatMap(count -> count.mismatch(result.rows())).ifPresent(reasons::add);
        value.flatMap(first -> first.mismatch(result.firstValue(), result.hasFirstValue())).ifPresent(reasons::add);
        within.filter(budget -> result.took().compareTo(budget) > 0)
                .ifPresent(budget -> reasons.add("query took " + Durations.format(result.took()) + ", over the "
                        + Durations.format(budget) + " budget"));
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    /** True when the result is right but came over the {@code within} budget: a miss of time only. */
    boolean onlyLate(QueryResult result) {
        return rows.flatMap(count -> count.mismatch(result.rows())).isEmpty()
                && value.flatMap(first -> first.mismatch(result.firstValue(), result.hasFirstValue())).isEmpty()
                && within.filter(budget -> result.took().compareTo(budget) > 0).isPresent();
    }
}
