/** The {@code jdbc} probe kind: connect to a database, run a query and compare its rows, first value and time. */
package org.postpatch.probes.jdbc;
