package org.postpatch.ledger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A ledger's database, for reads that the {@link Ledger} interface does not offer and that are
 * written for one purpose in SQL (the fleet view reads a period of every target's runs at once).
 * Opened like the ledger itself — created or migrated to the current schema — and read the way the
 * ledger reads: a connection per read, waiting its turn while other processes record.
 */
public final class LedgerDatabase implements AutoCloseable {

    /** A read of several queries on one connection. */
    @FunctionalInterface
    public interface Reading<T> {
        T on(Connection connection) throws SQLException;
    }

    private final JdbcLedger ledger;

    private LedgerDatabase(JdbcLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * Opens the database of the ledger at a location (a JDBC URL or an H2 file path; see {@link Ledgers}).
     *
     * @throws LedgerException naming the ledger and the reason, when it cannot be used
     * @throws IllegalArgumentException for {@code none}, which has no database
     */
    public static LedgerDatabase open(String location) {
        if (location == null || location.isBlank() || location.equals(Ledgers.NONE)) {
            throw new IllegalArgumentException("the ledger '" + location + "' records nothing: there is no database to read");
        }
        Ledger ledger = Ledgers.open(location);
        if (!(ledger instanceof JdbcLedger jdbc)) {
            ledger.close();
            throw new IllegalArgumentException("the ledger '" + location + "' has no database to read");
        }
        return new LedgerDatabase(jdbc);
    }

    /**
     * Reads on a connection of its own, read-only, again after a pause while other processes hold
     * the ledger.
     *
     * @throws LedgerException naming the ledger and the reason, when it cannot be read
     */
    public <T> T read(Reading<T> reading) {
        return ledger.read("cannot read", connection -> {
            connection.setReadOnly(true);
            return reading.on(connection);
        });
    }

    /** Where this ledger is, for messages (never with a password). */
    public String describe() {
        return ledger.describe();
    }

    /** The ledger itself, for what its interface offers (a run's report, for one). */
    public Ledger ledger() {
        return ledger;
    }

    @Override
    public void close() {
        ledger.close();
    }
}
