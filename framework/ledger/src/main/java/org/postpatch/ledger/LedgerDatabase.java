package org.postpatch.ledger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A ledger's database, for reads that the {@link Ledger} interface does not offer and that are
 * written for one purpose in SQL (the fleet view reads a period of every target's runs at once).
 * Opened like the ledger itself — created or migrated to the current schema — and kept open while
 * in use (an H2 file stays served to the other processes that share it).
 */
public final class LedgerDatabase implements AutoCloseable {

    private final Ledger ledger;
    private final String url;
    private final Properties credentials;

    private LedgerDatabase(Ledger ledger, String url, Properties credentials) {
        this.ledger = ledger;
        this.url = url;
        this.credentials = credentials;
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
        Properties credentials = new Properties();
        String url;
        if (location.startsWith("jdbc:")) {
            url = location;
            put(credentials, "user", System.getenv("POSTPATCH_LEDGER_USER"));
            put(credentials, "password", System.getenv("POSTPATCH_LEDGER_PASSWORD"));
        } else {
            url = Ledgers.h2Url(location);
            put(credentials, "user", Ledgers.H2_USER);
            put(credentials, "password", "");
        }
        Ledger ledger = Ledgers.open(location);
        return new LedgerDatabase(ledger, url, credentials);
    }

    private static void put(Properties properties, String key, String value) {
        if (value != null) {
            properties.setProperty(key, value);
        }
    }

    /** A new connection; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, credentials);
    }

    /** Where this ledger is, for messages (never with a password). */
    public String describe() {
        return ledger.describe();
    }

    /** The ledger itself, for what its interface offers (a run's report, for one). */
    public Ledger ledger() {
        return ledger;
    }

    /** A failure to read, as a {@link LedgerException} that names the ledger and the reason. */
    public LedgerException failure(SQLException cause) {
        String message = cause.getMessage() == null ? "no message" : cause.getMessage().lines().findFirst().orElse("").trim();
        return new LedgerException("cannot read the ledger " + describe() + ": " + new org.postpatch.secret.Redactor()
                .redact(message), cause);
    }

    @Override
    public void close() {
        ledger.close();
    }
}
