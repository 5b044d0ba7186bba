package org.postpatch.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.postpatch.secret.Redactor;

/**
 * The ledger in a JDBC database: H2 (a file, the default) or PostgreSQL (shared by a fleet). A
 * connection per operation, each write one transaction, every operation retried while other
 * processes hold the database (see {@link LedgerAccess}): concurrent writers lose nothing. A run
 * is recorded once it is written, flushed to the file (H2) and read back: {@link #record} throws
 * otherwise.
 */
public final class JdbcLedger implements Ledger {

    /** H2's error code for a statement only an administrator may run. */
    private static final int ADMIN_RIGHTS_REQUIRED = 90040;

    private final LedgerAccess access;
    private final boolean postgres;
    private final boolean h2;
    private final boolean readOnly;

    private JdbcLedger(LedgerAccess access, boolean postgres, boolean h2, boolean readOnly) {
        this.access = access;
        this.postgres = postgres;
        this.h2 = h2;
        this.readOnly = readOnly;
    }

    /**
     * Opens (and creates or migrates) the ledger at a JDBC URL.
     *
     * @throws LedgerException naming the ledger and the reason, when it cannot be used
     */
    public static JdbcLedger open(String url, String user, String password) {
        Properties credentials = new Properties();
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        return open(url, url, credentials, new Redactor().redact(url), false, LedgerAccess.PATIENCE);
    }

    /**
     * Opens the ledger at a JDBC URL ({@code writingUrl} for the connections that record), described
     * in messages as {@code description}. A read-only ledger is only read: its schema is checked, not
     * migrated, and writing to it is refused.
     */
    static JdbcLedger open(String url, String writingUrl, Properties credentials, String description, boolean readOnly,
                           Duration patience) {
        JdbcLedger ledger = new JdbcLedger(new LedgerAccess(url, writingUrl, credentials, description, patience),
                url.startsWith("jdbc:postgresql:"), url.startsWith("jdbc:h2:"), readOnly);
        ledger.access.read("cannot open", connection -> {
            if (readOnly) {
                Schema.check(connection, description);
            } else {
                Schema.migrate(connection, ledger.postgres);
            }
            return null;
        });
        return ledger;
    }

    @Override
    public String describe() {
        return access.description();
    }

    @Override
    public void record(List<LedgerRun> runs, String reportJson) {
        record(runs, () -> reportJson);
    }

    /** Writes the run's rows, then asks for the report, in the one transaction. */
    @Override
    public void record(List<LedgerRun> runs, Supplier<String> reportJson) {
        if (runs.isEmpty()) {
            return;
        }
        String runId = runs.get(0).runId();
        refuseWhenReadOnly("cannot record run " + runId);
        access.write("cannot record run " + runId + " in", connection -> {
            connection.setAutoCommit(false);
            try {
                RunRows.insert(connection, runs, reportJson);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            flush(connection);
            return null;
        });
        // Read on a new connection: for an H2 file the database was closed in between, so this reads
        // what reached the file, not what a failing flush left in memory.
        int found = access.read("cannot read back run " + runId + " from", connection -> count(connection, runId));
        if (found != runs.size()) {
            throw new LedgerException("run " + runId + " was written to the ledger " + describe() + " but cannot be read back ("
                    + found + " of " + runs.size() + " suites found): it is not recorded");
        }
    }

    /**
     * Makes a committed write reach the H2 file now: H2 otherwise writes it in the background or at
     * close, where a full disk fails without telling the writer.
     */
    private void flush(Connection connection) throws SQLException {
        if (h2) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT");
            } catch (SQLException e) {
                // A user-given H2 URL may log in without admin rights, which CHECKPOINT needs; the
                // read back that follows still tells whether the run reached the file.
                if (e.getErrorCode() != ADMIN_RIGHTS_REQUIRED) {
                    throw e;
                }
            }
        }
    }

    private static int count(Connection connection, String runId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select count(*) from pp_run where run_id = ?")) {
            select.setString(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }

    private void refuseWhenReadOnly(String what) {
        if (readOnly) {
            throw new LedgerException("the ledger at " + describe() + " is read-only (" + what + ")");
        }
    }

    @Override
    public List<LedgerRun> run(String runId) {
        return query("select " + RunRows.RUN_COLUMNS + " from pp_run where run_id = ? order by suite", runId);
    }

    @Override
    public Optional<String> report(String runId) {
        return access.read("cannot read", connection -> {
            try (PreparedStatement select = connection.prepareStatement("select report from pp_report where run_id = ?")) {
                select.setString(1, runId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Map<String, String> snapshots(String runId, String suite) {
        return access.read("cannot read", connection -> RunRows.snapshots(connection, runId, suite));
    }

    @Override
    public Optional<LedgerRun> latest(String suite, String target, Set<RunKind> kinds) {
        String kindFilter = kinds.isEmpty() ? "" : " and kind in (" + kinds.stream().map(k -> "'" + k.name() + "'")
                .collect(Collectors.joining(", ")) + ")";
        List<LedgerRun> found = query("select " + RunRows.RUN_COLUMNS + " from pp_run where suite = ? and target = ?"
                + kindFilter + " order by started_at_ms desc, run_id desc limit 1", suite, target);
        return found.stream().findFirst();
    }

    @Override
    public List<LedgerRun> history(String suite, String target, int limit) {
        StringBuilder sql = new StringBuilder("select " + RunRows.RUN_COLUMNS + " from pp_run where 1 = 1");
        List<String> parameters = new ArrayList<>();
        if (suite != null) {
            sql.append(" and suite = ?");
            parameters.add(suite);
        }
        if (target != null) {
            sql.append(" and target = ?");
            parameters.add(target);
        }
        sql.append(" order by started_at_ms desc, run_id desc limit ").append(Math.max(1, limit));
        return query(sql.toString(), parameters.toArray(String[]::new));
    }

    @Override
    public boolean markRolledBack(String runId) {
        refuseWhenReadOnly("cannot mark run " + runId + " as rolled back");
        return access.write("cannot update", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update pp_run set rolled_back = ?, rolled_back_at_ms = ? where run_id = ?")) {
                update.setBoolean(1, true);
                update.setLong(2, System.currentTimeMillis());
                update.setString(3, runId);
                boolean marked = update.executeUpdate() > 0;
                flush(connection);
                return marked;
            }
        });
    }

    /** Runs with their probes, read on one connection. */
    private List<LedgerRun> query(String sql, String... parameters) {
        return access.read("cannot read", connection -> {
            List<LedgerRun> runs = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    select.setString(i + 1, parameters[i]);
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        runs.add(RunRows.readRun(rows, List.of()));
                    }
                }
            }
            return RunRows.withProbes(connection, runs);
        });
    }

    /** A purpose-built read ({@link LedgerDatabase}), through the same retry loop as every other. */
    <T> T read(String what, LedgerAccess.Work<T> work) {
        return access.read(what, work);
    }

    /** Nothing to release: every operation opens and closes its own connection. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "JdbcLedger[" + describe() + "]";
    }
}
