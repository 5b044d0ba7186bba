package org.postpatch.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.postpatch.result.Verdict;

/** Recorded runs as rows of the ledger's tables, and back: the SQL that writes and reads them. */
final class RunRows {

    static final String RUN_COLUMNS = "run_id, suite, target, kind, run_trigger, started_at_ms, duration_ms,"
            + " verdict, interrupted, timed_out, fingerprint_digest, fingerprint, baseline_run_id, rolled_back,"
            + " process_started_at_ms";

    /**
     * Probe rows sent to the database at once, within the run's one transaction: a driver keeps
     * every value of a batch in memory until it runs it, and a run of 100,000 probes need not hold
     * all of them at once.
     */
    private static final int PROBES_PER_BATCH = 1_000;

    private RunRows() {
    }

    /**
     * Inserts the suites of one run and its report, on a connection whose transaction the caller
     * commits; the report is asked for last (it may still be being rendered).
     */
    static void insert(Connection connection, List<LedgerRun> runs, Supplier<String> reportJson) throws SQLException {
        insertRuns(connection, runs);
        insertProbes(connection, runs);
        insertSnapshots(connection, runs);
        try (PreparedStatement report = connection.prepareStatement("insert into pp_report (run_id, report) values (?, ?)")) {
            report.setString(1, runs.get(0).runId());
            report.setString(2, reportJson.get());
            report.executeUpdate();
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
                    if (position % PROBES_PER_BATCH == 0) {
                        insert.executeBatch();
                    }
                }
            }
            insert.executeBatch();
        }
    }

    /**
     * The probes' snapshots. A self-test keeps only its latest snapshots per fingerprint: only the last
     * run on a fingerprint is ever the automatic baseline of the next one, and self-tests run on a
     * schedule would otherwise pile them up.
     */
    private static void insertSnapshots(Connection connection, List<LedgerRun> runs) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into pp_snapshot (run_id, suite, probe_id, snapshot) values (?, ?, ?, ?)");
             PreparedStatement prune = connection.prepareStatement("delete from pp_snapshot where suite = ? and run_id <> ?"
                     + " and run_id in (select run_id from pp_run where suite = ? and target = ? and kind = ?"
                     + " and fingerprint_digest = ?)")) {
            for (LedgerRun run : runs) {
                boolean any = false;
                for (LedgerProbe probe : run.probes()) {
                    if (probe.snapshot() != null) {
                        insert.setString(1, run.runId());
                        insert.setString(2, run.suite());
                        insert.setString(3, probe.id());
                        insert.setString(4, probe.snapshot());
                        insert.addBatch();
                        any = true;
                    }
                }
                if (any && run.kind() == RunKind.SELFTEST) {
                    insert.executeBatch();
                    prune.setString(1, run.suite());
                    prune.setString(2, run.runId());
                    prune.setString(3, run.suite());
                    prune.setString(4, run.target());
                    prune.setString(5, RunKind.SELFTEST.name());
                    prune.setString(6, run.fingerprint().digest());
                    prune.executeUpdate();
                }
            }
            insert.executeBatch();
        }
    }

    /** The snapshots a run recorded for the probes of a suite, by probe id. */
    static Map<String, String> snapshots(Connection connection, String runId, String suite) throws SQLException {
        Map<String, String> snapshots = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select probe_id, snapshot from pp_snapshot where run_id = ? and suite = ?")) {
            select.setString(1, runId);
            select.setString(2, suite);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    snapshots.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return snapshots;
    }

    private static void setMillis(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, java.sql.Types.BIGINT);
        } else {
            statement.setLong(index, instant.toEpochMilli());
        }
    }

    /** Adds the probes to runs read without them, a batch of runs per query. */
    static List<LedgerRun> withProbes(Connection connection, List<LedgerRun> runs) throws SQLException {
        record SuiteOfRun(String runId, String suite) {
        }
        Map<SuiteOfRun, List<LedgerProbe>> probes = new HashMap<>();
        int batch = 400;
        for (int from = 0; from < runs.size(); from += batch) {
            List<LedgerRun> part = runs.subList(from, Math.min(runs.size(), from + batch));
            String marks = String.join(", ", Collections.nCopies(part.size(), "?"));
            try (PreparedStatement select = connection.prepareStatement("select run_id, suite, probe_id, kind, severity,"
                    + " status, duration_ms, last_attempt_ms, attempts, message, change, samples, confirmation from pp_probe"
                    + " where run_id in (" + marks + ") order by run_id, suite, position")) {
                for (int i = 0; i < part.size(); i++) {
                    select.setString(i + 1, part.get(i).runId());
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        probes.computeIfAbsent(new SuiteOfRun(rows.getString(1), rows.getString(2)), k -> new ArrayList<>())
                                .add(new LedgerProbe(rows.getString(3), rows.getString(4), rows.getString(5),
                                        rows.getString(6), rows.getLong(7), rows.getLong(8), rows.getInt(9),
                                        rows.getString(10), rows.getString(11), SampleJson.read(rows.getString(12)),
                                        rows.getString(13)));
                    }
                }
            }
        }
        List<LedgerRun> complete = new ArrayList<>();
        for (LedgerRun run : runs) {
            complete.add(new LedgerRun(run.runId(), run.suite(), run.target(), run.kind(), run.trigger(), run.startedAt(),
                    run.duration(), run.verdict(), run.interrupted(), run.timedOut(), run.fingerprint(), run.baselineRunId(),
                    run.rolledBack(), run.processStartedAt(),
                    probes.getOrDefault(new SuiteOfRun(run.runId(), run.suite()), List.of())));
        }
        return complete;
    }

    /** A run from a row of {@code select RUN_COLUMNS from pp_run}, with these probes. */
    static LedgerRun readRun(ResultSet rows, List<LedgerProbe> probes) throws SQLException {
        long processStarted = rows.getLong("process_started_at_ms");
        boolean hasProcessStart = !rows.wasNull();
        return new LedgerRun(rows.getString("run_id"), rows.getString("suite"), rows.getString("target"),
                RunKind.valueOf(rows.getString("kind")), Trigger.valueOf(rows.getString("run_trigger")),
                Instant.ofEpochMilli(rows.getLong("started_at_ms")), Duration.ofMillis(rows.getLong("duration_ms")),
                Verdict.valueOf(rows.getString("verdict")), rows.getBoolean("interrupted"), rows.getBoolean("timed_out"),
                FingerprintJson.read(rows.getString("fingerprint")), rows.getString("baseline_run_id"),
                rows.getBoolean("rolled_back"), hasProcessStart ? Instant.ofEpochMilli(processStarted) : null, probes);
    }
}
