package org.postpatch.probes.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.postpatch.api.Outcome;
import org.postpatch.api.ProbeContext;
import org.postpatch.config.Durations;
import org.postpatch.engine.Failures;
import org.postpatch.spi.Check;

/**
 * One attempt of a {@code jdbc} probe: connect, then either check the connection or run the query and
 * compare what it returned with what was expected. Everything opened is closed before returning, and
 * from another thread if the attempt is abandoned at its timeout.
 */
final class JdbcCheck implements Check {

    private final Database database;
    private final Optional<String> query;
    private final Expectations expectations;

    JdbcCheck(Database database, Optional<String> query, Expectations expectations) {
        this.database = database;
        this.query = query;
        this.expectations = expectations;
    }

    @Override
    public Outcome run(ProbeContext context) throws SQLException {
        database.secrets().forEach(context::secret);
        String shownUrl = context.redact(database.url());
        try (AttemptResources resources = new AttemptResources()) {
            // Off the engine's thread: cancelling a statement talks to the server, which may be the one hanging.
            context.onCancel(() -> inBackground(resources::cancel));
            Connection connection;
            try {
                connection = resources.adopt(database.connect(context.remaining()));
            } catch (SQLException refused) {
                return Outcome.failed("cannot connect to " + shownUrl + ": " + reason(refused));
            }
            if (query.isEmpty()) {
                return checkConnection(connection, shownUrl, context);
            }
            Statement statement = resources.adopt(connection.createStatement());
            int queryTimeout = Database.wholeSeconds(context.remaining());
            try {
                statement.setQueryTimeout(queryTimeout);
            } catch (SQLFeatureNotSupportedException unsupported) {
                // The probe's own timeout still cancels the statement.
            }
            QueryResult result;
            try {
                result = execute(statement, query.get());
            } catch (SQLTimeoutException late) {
                return Outcome.late("query timed out after " + Durations.format(Duration.ofSeconds(queryTimeout)) + ": "
                        + reason(late));
            } catch (SQLException broken) {
                return Outcome.failed("query failed: " + reason(broken));
            }
            Outcome outcome = expectations.mismatches(result)
                    .map(reason -> expectations.onlyLate(result) ? Outcome.late(reason) : Outcome.failed(reason))
                    .orElseGet(() -> Outcome.passed(summary(result)));
            return outcome.withDetail("rows", result.rows()).withDetail("queryMs", result.took().toMillis());
        } catch (CancellationException abandoned) {
            return Outcome.failed(abandoned.getMessage());
        }
    }

    private static void inBackground(Runnable action) {
        Thread thread = new Thread(action, "postpatch-jdbc-cancel");
        thread.setDaemon(true);
        thread.start();
    }

    private static Outcome checkConnection(Connection connection, String shownUrl, ProbeContext context)
            throws SQLException {
        if (!connection.isValid(Database.wholeSeconds(context.remaining()))) {
            return Outcome.failed("connected to " + shownUrl + " but the connection is not valid");
        }
        DatabaseMetaData metaData = connection.getMetaData();
        return Outcome.passed("connected to " + metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion());
    }

    /** Runs the statement and reads every row, so that the count and the time are whole. */
    private static QueryResult execute(Statement statement, String sql) throws SQLException {
        long start = System.nanoTime();
        if (!statement.execute(sql)) {
            long changed = Math.max(0, statement.getLargeUpdateCount());
            return new QueryResult(changed, null, false, Duration.ofNanos(System.nanoTime() - start));
        }
        try (ResultSet rows = statement.getResultSet()) {
            long count = 0;
            Object first = null;
            while (rows.next()) {
                if (count == 0) {
                    first = rows.getObject(1);
                }
                count++;
            }
            return new QueryResult(count, first, count > 0, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static String summary(QueryResult result) {
        String rows = result.rows() == 1 ? "1 row" : result.rows() + " rows";
        String first = result.hasFirstValue() ? ", first value " + shorten(String.valueOf(result.firstValue())) : "";
        return rows + first + ", in " + Durations.format(result.took());
    }

    private static String shorten(String value) {
        String line = Failures.oneLine(value);
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }

    /** The driver's own words, on one line; the password is masked by postpatch on the way out. */
    private static String reason(SQLException failure) {
        String message = failure.getMessage();
        if ((message == null || message.isBlank()) && failure.getCause() != null) {
            return Failures.describe(failure.getCause());
        }
        return Failures.oneLine(message == null ? failure.getClass().getSimpleName() : message);
    }
}
