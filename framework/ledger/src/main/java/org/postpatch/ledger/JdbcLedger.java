package org.postpatch.ledger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.postpatch.result.Verdict;
import org.postpatch.secret.Redactor;

/**
 * The ledger in a JDBC database: H2 (a file, the default; several processes share it through H2's
 * automatic mixed mode) or PostgreSQL (shared by a fleet). A connection per operation, each write
 * one transaction: concurrent writers from several processes lose nothing.
 */
public final class JdbcLedger implements Ledger {

    private static final String RUN_COLUMNS = "run_id, suite, target, kind, run_trigger, started_at_ms, duration_ms,"
            + " verdict, interrupted, timed_out, fingerprint_digest, fingerprint, baseline_run_id, rolled_back,"
            + " process_started_at_ms";
    private static final int ATTEMPTS = 5;

    private final String url;
    private final Properties credentials;
    private final String description;
    private final boolean postgres;
    private Connection keepAlive;

    private JdbcLedger(String url, Properties credentials, String description) {
        this.url = url;
        this.credentials = credentials;
        this.description = description;
        this.postgres = url.startsWith("jdbc:postgresql:");
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
        JdbcLedger ledger = new JdbcLedger(url, credentials, new Redactor().redact(url));
        ledger.migrate();
        return ledger;
    }

    private void migrate() {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                if (url.startsWith("jdbc:h2:file:")) {
                    // Keeps the database open (and this process serving it to others) while the ledger
                    // is in use, instead of opening and closing the file for every operation.
                    keepAlive = connect();
                }
                try (Connection connection = connect()) {
                    Schema.migrate(connection, postgres);
                }
                return;
            } catch (SQLException e) {
                last = e;
                closeKeepAlive();
                if (!isContention(e)) {
                    break;
                }
                pause(attempt);
            }
        }
        throw failure("cannot open", last);
    }

    /** Backs off before retrying an operation that met a lock held by another process. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(50L * attempt * attempt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeKeepAlive() {
        if (keepAlive != null) {
            try {
                keepAlive.close();
            } catch (SQLException ignored) {
                // already broken
            }
            keepAlive = null;
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, credentials);
    }

    private LedgerException failure(String what, SQLException e) {
        String reason = e == null ? "unknown" : firstLine(e.getMessage());
        return new LedgerException(what + " the ledger " + description + ": " + new Redactor().redact(reason), e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void record(List<LedgerRun> runs, String reportJson) {
        if (runs.isEmpty()) {
            return;
        }
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                recordOnce(runs, reportJson);
                return;
            } catch (SQLException e) {
                last = e;
                if (!isContention(e)) {
                    break;
                }
                pause(attempt);
            }
        }
        throw failure("cannot record run " + runs.get(0).runId() + " in", last);
    }

    /**
     * True for failures another process causes for a moment: a lock on the H2 file while the
     * process serving it hands over, a serialization failure or deadlock. Worth retrying, unlike a
     * corrupt file or an unreachable server.
     */
    private static boolean isContention(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        return state.equals("40001") || state.equals("40P01") || state.equals("90020") || message.contains("lock")
                || message.contains("already in use") || message.contains("connection is broken");
    }

    private void recordOnce(List<LedgerRun> runs, String reportJson) throws SQLException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                insertRuns(connection, runs);
                insertProbes(connection, runs);
                try (PreparedStatement report = connection.prepareStatement(
                        "insert into pp_report (run_id, report) values (?, ?)")) {
                    report.setString(1, runs.get(0).runId());
                    report.setString(2, reportJson);
                    report.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static void insertRuns(Connection connection, List<LedgerRun> runs) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into pp_run (" + RUN_COLUMNS
                + ", patch_id, app_version, recorded_at_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (LedgerRun run : runs) {
                int i = 1;
                insert.setString(i++, run.runId());
                insert.setString(i++, run.suite());
                insert.setString(i++, run.target());
                insert.setString(i++, run.kind().name());
                insert.setString(i++, run.trigger().name());
                insert.setLong(i++, run.startedAt().toEpochMilli());
                insert.setLong(i++, run.duration().toMillis());
                insert.setString(i++, run.verdict().name());
                insert.setBoolean(i++, run.interrupted());
                insert.setBoolean(i++, run.timedOut());
                insert.setString(i++, run.fingerprint().digest());
                insert.setString(i++, FingerprintJson.write(run.fingerprint()));
                insert.setString(i++, run.baselineRunId());
                insert.setBoolean(i++, run.rolledBack());
                setMillis(insert, i++, run.processStartedAt());
                insert.setString(i++, run.fingerprint().get("patch.id"));
                insert.setString(i++, run.fingerprint().get("app.version"));
                insert.setLong(i, System.currentTimeMillis());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertProbes(Connection connection, List<LedgerRun> runs) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into pp_probe (run_id, suite, position,"
                + " probe_id, kind, severity, status, duration_ms, last_attempt_ms, attempts, message, change, samples,"
                + " confirmation) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (LedgerRun run : runs) {
                int position = 0;
                for (LedgerProbe probe : run.probes()) {
                    int i = 1;
                    insert.setString(i++, run.runId());
                    insert.setString(i++, run.suite());
                    insert.setInt(i++, position++);
                    insert.setString(i++, probe.id());
                    insert.setString(i++, probe.kind());
                    insert.setString(i++, probe.severity());
                    insert.setString(i++, probe.status());
                    insert.setLong(i++, probe.durationMs());
                    insert.setLong(i++, probe.lastAttemptMs());
                    insert.setInt(i++, probe.attempts());
                    insert.setString(i++, probe.message());
                    insert.setString(i++, probe.change());
                    insert.setString(i++, SampleJson.write(probe.samples()));
                    insert.setString(i, probe.confirmation());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void setMillis(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, java.sql.Types.BIGINT);
        } else {
            statement.setLong(index, instant.toEpochMilli());
        }
    }

    @Override
    public List<LedgerRun> run(String runId) {
        return query("select " + RUN_COLUMNS + " from pp_run where run_id = ? order by suite", true, runId);
    }

    @Override
    public Optional<String> report(String runId) {
        try (Connection connection = connect();
             PreparedStatement select = connection.prepareStatement("select report from pp_report where run_id = ?")) {
            select.setString(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("cannot read", e);
        }
    }

    @Override
    public Optional<LedgerRun> latest(String suite, String target, Set<RunKind> kinds) {
        String kindFilter = kinds.isEmpty() ? "" : " and kind in (" + kinds.stream().map(k -> "'" + k.name() + "'")
                .collect(Collectors.joining(", ")) + ")";
        List<LedgerRun> found = query("select " + RUN_COLUMNS + " from pp_run where suite = ? and target = ?" + kindFilter
                + " order by started_at_ms desc, run_id desc limit 1", true, suite, target);
        return found.stream().findFirst();
    }

    @Override
    public List<LedgerRun> history(String suite, String target, int limit) {
        StringBuilder sql = new StringBuilder("select " + RUN_COLUMNS + " from pp_run where 1 = 1");
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
        return query(sql.toString(), true, parameters.toArray(String[]::new));
    }

    /** Adds the probes to runs read without them, a batch of runs per query. */
    private List<LedgerRun> withProbes(List<LedgerRun> runs) {
        java.util.Map<String, List<LedgerProbe>> probes = new java.util.HashMap<>();
        int batch = 400;
        try (Connection connection = connect()) {
            for (int from = 0; from < runs.size(); from += batch) {
                List<LedgerRun> part = runs.subList(from, Math.min(runs.size(), from + batch));
                String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
                try (PreparedStatement select = connection.prepareStatement("select run_id, suite, probe_id, kind, severity,"
                        + " status, duration_ms, last_attempt_ms, attempts, message, change, samples, confirmation from pp_probe"
                        + " where run_id in (" + marks + ") order by run_id, suite, position")) {
                    for (int i = 0; i < part.size(); i++) {
                        select.setString(i + 1, part.get(i).runId());
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            probes.computeIfAbsent(rows.getString(1) + "\u0000" + rows.getString(2), k -> new ArrayList<>())
                                    .add(new LedgerProbe(rows.getString(3), rows.getString(4), rows.getString(5),
                                            rows.getString(6), rows.getLong(7), rows.getLong(8), rows.getInt(9),
                                            rows.getString(10), rows.getString(11), SampleJson.read(rows.getString(12)),
                                            rows.getString(13)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("cannot read", e);
        }
        List<LedgerRun> complete = new ArrayList<>();
        for (LedgerRun run : runs) {
            complete.add(new LedgerRun(run.runId(), run.suite(), run.target(), run.kind(), run.trigger(), run.startedAt(),
                    run.duration(), run.verdict(), run.interrupted(), run.timedOut(), run.fingerprint(), run.baselineRunId(),
                    run.rolledBack(), run.processStartedAt(),
                    probes.getOrDefault(run.runId() + "\u0000" + run.suite(), List.of())));
        }
        return complete;
    }

    @Override
    public boolean markRolledBack(String runId) {
        try (Connection connection = connect();
             PreparedStatement update = connection.prepareStatement(
                     "update pp_run set rolled_back = ?, rolled_back_at_ms = ? where run_id = ?")) {
            update.setBoolean(1, true);
            update.setLong(2, System.currentTimeMillis());
            update.setString(3, runId);
            return update.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failure("cannot update", e);
        }
    }

    private List<LedgerRun> query(String sql, boolean withProbes, String... parameters) {
        try (Connection connection = connect();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            List<LedgerRun> runs = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    runs.add(readRun(rows, List.of()));
                }
            }
            return withProbes ? withProbes(runs) : runs;
        } catch (SQLException e) {
            throw failure("cannot read", e);
        }
    }

    private static LedgerRun readRun(ResultSet rows, List<LedgerProbe> probes) throws SQLException {
        long processStarted = rows.getLong("process_started_at_ms");
        boolean hasProcessStart = !rows.wasNull();
        return new LedgerRun(rows.getString("run_id"), rows.getString("suite"), rows.getString("target"),
                RunKind.valueOf(rows.getString("kind")), Trigger.valueOf(rows.getString("run_trigger")),
                Instant.ofEpochMilli(rows.getLong("started_at_ms")), Duration.ofMillis(rows.getLong("duration_ms")),
                Verdict.valueOf(rows.getString("verdict")), rows.getBoolean("interrupted"), rows.getBoolean("timed_out"),
                FingerprintJson.read(rows.getString("fingerprint")), rows.getString("baseline_run_id"),
                rows.getBoolean("rolled_back"), hasProcessStart ? Instant.ofEpochMilli(processStarted) : null, probes);
    }

    @Override
    public synchronized void close() {
        closeKeepAlive();
    }

    @Override
    public String toString() {
        return "JdbcLedger[" + description + "]";
    }
}
