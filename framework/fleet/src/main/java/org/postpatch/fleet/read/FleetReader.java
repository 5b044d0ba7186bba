package org.postpatch.fleet.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.postpatch.ledger.LedgerDatabase;
import org.postpatch.ledger.LedgerException;
import org.postpatch.report.ReportDocument;
import org.postpatch.result.Fingerprint;

/**
 * Reads a period of the fleet from the ledger in four queries, each bounded by the period, never by
 * the whole table: the runs of the period (by the start-time index), the last run before it of each
 * suite and target (a step back on the suite index each), the fingerprints where they change (one
 * per digest), and the probes of the runs that did not pass.
 */
public final class FleetReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String COLUMNS = "r.run_id, r.suite, r.target, r.kind, r.started_at_ms, r.duration_ms, r.verdict,"
            + " r.interrupted, r.timed_out, r.fingerprint_digest, r.baseline_run_id, r.rolled_back, r.rolled_back_at_ms,"
            + " r.process_started_at_ms, r.app_version";
    private static final int BATCH = 500;
    private static final int TARGETS_PER_QUERY = 100;

    /** Fingerprints kept between reads (the dashboard reads every few seconds): at most this many. */
    private static final int KEPT_FINGERPRINTS = 20_000;

    private final LedgerDatabase database;
    /** By digest: a digest names a fingerprint's content, so a fingerprint read once never changes. */
    private final Map<String, Fingerprint> known = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Fingerprint> eldest) {
                    return size() > KEPT_FINGERPRINTS;
                }
            });

    public FleetReader(LedgerDatabase database) {
        this.database = database;
    }

    /**
     * The fleet in a period.
     *
     * @param suite only this suite, or null for all
     * @throws LedgerException when the ledger cannot be read
     */
    public FleetData read(Period period, String suite) {
        return database.read(connection -> {
            Map<String, List<RunRow>> inPeriod = runsInPeriod(connection, period, suite);
            Map<String, RunRow> before = lastBefore(connection, period, inPeriod.keySet());
            List<TargetRuns> targets = new ArrayList<>();
            inPeriod.forEach((key, runs) -> targets.add(new TargetRuns(runs.get(0).suite(), runs.get(0).target(),
                    Optional.ofNullable(before.get(key)), runs)));
            Map<String, Fingerprint> fingerprints = fingerprints(connection, neededFingerprints(targets));
            return new FleetData(period, targets, fingerprints, marks(connection, period, suite));
        });
    }

    private static String targetKey(String suite, String target) {
        return suite + "\u0000" + target;
    }

    private static Map<String, List<RunRow>> runsInPeriod(Connection connection, Period period, String suite)
            throws SQLException {
        String sql = "select " + COLUMNS + " from pp_run r where r.started_at_ms >= ? and r.started_at_ms < ?"
                + (suite == null ? "" : " and r.suite = ?") + " order by r.suite, r.target, r.started_at_ms, r.run_id";
        Map<String, List<RunRow>> targets = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            bindPeriod(select, period, suite);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    RunRow run = row(rows);
                    targets.computeIfAbsent(targetKey(run.suite(), run.target()), k -> new ArrayList<>()).add(run);
                }
            }
        }
        return targets;
    }

    private static void bindPeriod(PreparedStatement select, Period period, String suite) throws SQLException {
        select.setLong(1, period.since().toEpochMilli());
        select.setLong(2, period.until().toEpochMilli());
        if (suite != null) {
            select.setString(3, suite);
        }
    }

    /**
     * Per suite and target of the period, its last run before the period: one backward step on the
     * suite index per target (a hundred targets per query), however long the ledger's history is.
     */
    private static Map<String, RunRow> lastBefore(Connection connection, Period period, Set<String> wanted)
            throws SQLException {
        // Ordered exactly as the suite index (suite, target, started_at_ms) is, so that PostgreSQL and H2
        // take one step back on it; a tie-breaker would make them sort the target's whole history first.
        String one = "(select " + COLUMNS + " from pp_run r where r.suite = ? and r.target = ? and r.started_at_ms < ?"
                + " order by r.started_at_ms desc limit 1)";
        List<String> targets = new ArrayList<>(wanted);
        Map<String, RunRow> found = new HashMap<>();
        for (int from = 0; from < targets.size(); from += TARGETS_PER_QUERY) {
            List<String> part = targets.subList(from, Math.min(targets.size(), from + TARGETS_PER_QUERY));
            try (PreparedStatement select = connection.prepareStatement(String.join(" union all ",
                    Collections.nCopies(part.size(), one)))) {
                int i = 1;
                for (String key : part) {
                    String[] suiteAndTarget = key.split("\u0000", 2);
                    select.setString(i++, suiteAndTarget[0]);
                    select.setString(i++, suiteAndTarget[1]);
                    select.setLong(i++, period.since().toEpochMilli());
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        RunRow run = row(rows);
                        found.put(targetKey(run.suite(), run.target()), run);
                    }
                }
            }
        }
        return found;
    }

    /** A run per digest whose fingerprint is needed: both sides of every change, and every target's last. */
    private static Map<String, String> neededFingerprints(List<TargetRuns> targets) {
        Map<String, String> runByDigest = new LinkedHashMap<>();
        for (TargetRuns target : targets) {
            RunRow previous = target.before().orElse(null);
            for (RunRow run : target.runs()) {
                if (previous != null && !previous.digest().equals(run.digest())) {
                    runByDigest.putIfAbsent(previous.digest(), previous.runId());
                    runByDigest.putIfAbsent(run.digest(), run.runId());
                }
                previous = run;
            }
            runByDigest.putIfAbsent(target.last().digest(), target.last().runId());
        }
        return runByDigest;
    }

    private Map<String, Fingerprint> fingerprints(Connection connection, Map<String, String> runByDigest)
            throws SQLException {
        Map<String, Fingerprint> fingerprints = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        runByDigest.forEach((digest, runId) -> {
            Fingerprint kept = known.get(digest);
            if (kept != null) {
                fingerprints.put(digest, kept);
            } else {
                unknown.add(runId);
            }
        });
        List<String> runIds = new ArrayList<>(new LinkedHashSet<>(unknown));
        for (int from = 0; from < runIds.size(); from += BATCH) {
            List<String> part = runIds.subList(from, Math.min(runIds.size(), from + BATCH));
            String sql = "select fingerprint_digest, fingerprint from pp_run where run_id in ("
                    + String.join(", ", Collections.nCopies(part.size(), "?")) + ")";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < part.size(); i++) {
                    select.setString(i + 1, part.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String digest = rows.getString(1);
                        if (runByDigest.containsKey(digest) && !fingerprints.containsKey(digest)) {
                            Fingerprint fingerprint = parse(rows.getString(2));
                            fingerprints.put(digest, fingerprint);
                            known.put(digest, fingerprint);
                        }
                    }
                }
            }
        }
        return fingerprints;
    }

    private Fingerprint parse(String json) {
        try {
            return ReportDocument.readFingerprint(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new LedgerException("a fingerprint recorded in the ledger " + database.describe()
                    + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The probes that did not pass or regressed, of the runs in the period that did not pass (a run
     * whose verdict is PASS has nothing to blame on a patch, so its probes are never read).
     */
    private static Map<String, List<ProbeMark>> marks(Connection connection, Period period, String suite)
            throws SQLException {
        String sql = "select p.run_id, p.suite, p.probe_id, p.status, p.change from pp_probe p"
                + " join pp_run r on r.run_id = p.run_id and r.suite = p.suite"
                + " where r.started_at_ms >= ? and r.started_at_ms < ?" + (suite == null ? "" : " and r.suite = ?")
                + " and r.verdict <> 'PASS' and (p.status <> 'PASSED' or p.change = 'REGRESSED')"
                + " order by p.run_id, p.suite, p.position";
        Map<String, List<ProbeMark>> marks = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            bindPeriod(select, period, suite);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    marks.computeIfAbsent(rows.getString(1) + "\u0000" + rows.getString(2), k -> new ArrayList<>())
                            .add(new ProbeMark(rows.getString(3), rows.getString(4), rows.getString(5)));
                }
            }
        }
        return marks;
    }

    private static RunRow row(ResultSet rows) throws SQLException {
        return new RunRow(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                Instant.ofEpochMilli(rows.getLong(5)), Duration.ofMillis(rows.getLong(6)), rows.getString(7),
                rows.getBoolean(8), rows.getBoolean(9), rows.getString(10), rows.getString(11), rows.getBoolean(12),
                instant(rows, 13), instant(rows, 14), rows.getString(15));
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        long millis = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
