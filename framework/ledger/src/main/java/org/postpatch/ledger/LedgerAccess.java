package org.postpatch.ledger;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.postpatch.config.Durations;
import org.postpatch.config.IoProblems;
import org.postpatch.secret.Redactor;

/**
 * How the ledger reaches its database: a connection per operation, every operation through one
 * retry loop. A moment's contention (another process holding the H2 file, a serialization failure,
 * a deadlock) is waited out with a growing, jittered pause up to a bound; anything else fails at
 * once. Failures name the ledger and say why, in one line.
 */
final class LedgerAccess {

    /** How long an operation waits, in all, for other processes to let go of the ledger. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final long FIRST_PAUSE_MILLIS = 10;
    private static final long LONGEST_PAUSE_MILLIS = 400;

    /**
     * SQL states that mean "someone else, for a moment": H2's database file locked by another process
     * (90020), lock timeout (HYT00), concurrent update of a row (90131); deadlocks and serialization
     * failures (40001, PostgreSQL's 40P01) and PostgreSQL's lock not available (55P03).
     */
    private static final Set<String> CONTENTION = Set.of("90020", "HYT00", "90131", "40001", "40P01", "55P03");

    /** Work done on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private final String url;
    private final String writingUrl;
    private final Properties credentials;
    private final String description;
    private final Duration patience;

    /**
     * @param url        the database, for reading
     * @param writingUrl the same database, for recording: with H2, the connection that writes a run may
     *                   also compact the file when it closes it, which costs a moment that reads need not pay
     */
    LedgerAccess(String url, String writingUrl, Properties credentials, String description, Duration patience) {
        this.url = url;
        this.writingUrl = writingUrl;
        this.credentials = credentials;
        this.description = description;
        this.patience = patience;
    }

    String description() {
        return description;
    }

    /**
     * Does {@code work} on a fresh connection, again after a pause while the ledger is contended.
     *
     * @param what what is being done, to start a message: "cannot record run X in"
     * @throws LedgerException naming the ledger and the reason, when the work fails or the ledger
     *                         stays contended longer than the patience
     */
    <T> T read(String what, Work<T> work) {
        return attempt(url, what, work);
    }

    /** As {@link #read}, for work that records. */
    <T> T write(String what, Work<T> work) {
        return attempt(writingUrl, what, work);
    }

    private <T> T attempt(String url, String what, Work<T> work) {
        // H2 reads and writes its file through interruptible channels, which an interrupted thread
        // cannot open: a run interrupted at shutdown would then lose its partial result. The
        // interrupt is set aside for the operation (and ends any waiting), then restored.
        boolean interrupted = Thread.interrupted();
        try {
            long deadline = System.nanoTime() + patience.toNanos();
            long pause = FIRST_PAUSE_MILLIS;
            while (true) {
                try (Connection connection = DriverManager.getConnection(url, credentials)) {
                    return work.on(connection);
                } catch (SQLException e) {
                    long left = deadline - System.nanoTime();
                    if (!isContention(e)) {
                        throw failure(what, e);
                    }
                    if (left <= 0) {
                        throw new LedgerException(what + " the ledger " + description + ": other processes kept it busy for "
                                + Durations.format(patience) + " (" + reason(e) + ")", e);
                    }
                    if (interrupted) {
                        throw new LedgerException(what + " the ledger " + description + ": interrupted, and other "
                                + "processes are using it (" + reason(e) + ")", e);
                    }
                    long jittered = pause / 2 + ThreadLocalRandom.current().nextLong(pause / 2 + 1);
                    interrupted = !pauseFor(Math.min(jittered, TimeUnit.NANOSECONDS.toMillis(left) + 1));
                    pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Sleeps; false when interrupted (the next contention then ends the operation). */
    private static boolean pauseFor(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException interrupted) {
            return false;
        }
    }

    private static boolean isContention(SQLException e) {
        for (SQLException each = e; each != null; each = each.getNextException()) {
            if (each.getSQLState() != null && CONTENTION.contains(each.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private LedgerException failure(String what, SQLException e) {
        return new LedgerException(what + " the ledger " + description + ": " + reason(e), e);
    }

    /**
     * The first line of the driver's message, led by the file system's own words when a file
     * operation failed underneath ("No space left on device", "File too large"): H2 wraps those
     * in messages that name a Java object instead.
     */
    private static String reason(SQLException e) {
        String driver = new Redactor().redact(firstLine(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return IoProblems.describe(io) + " (" + driver + ")";
            }
        }
        return driver;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
