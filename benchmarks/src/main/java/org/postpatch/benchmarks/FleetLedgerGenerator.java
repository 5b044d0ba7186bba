package org.postpatch.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.postpatch.report.ReportDocument;
import org.postpatch.result.Fingerprint;
import org.postpatch.secret.Redactor;

/**
 * Writes the fleet of benchmark B4 into a ledger: 100 applications on 3 targets each, 90 days of
 * runs — a scheduled self-test a day, and for each weekly patch a baseline and a verify per target,
 * node by node — 20 probes each, with the JSON report of every run. Rows are what the command line
 * and the embedded self-test write (the same columns, fingerprints and reports), inserted in batches.
 * Patches: application releases, library, JVM and OS patches in turn; about 1 in 20 is bad (caught on
 * its first target, rolled back, the rollout stopped), 1 in 30 fails on one target only, and a few
 * applications end on an OS patch that nothing judged yet. Seeded: the same ledger every time.
 */
final class FleetLedgerGenerator {

    static final int APPLICATIONS = 100;
    static final int TARGETS = 3;
    static final int DAYS = 90;
    static final int PROBES = 20;
    private static final int JARS = 60;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Rows rows;
    private final Random random = new Random(42);
    private final Map<String, String> fingerprintJson = new HashMap<>();
    private int patches;
    private int caughtFirst;
    private int nodeLocal;

    FleetLedgerGenerator(Connection connection) throws SQLException {
        this.rows = new Rows(connection);
    }

    /** Generates the fleet whose last day ends at {@code end}; returns a line saying what was written. */
    String generate(Instant end) throws SQLException {
        Instant first = end.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(DAYS - 1));
        for (int app = 0; app < APPLICATIONS; app++) {
            application(app, first, end);
        }
        rows.flush();
        return String.format("%d applications x %d targets x %d days: %,d runs, %,d probe results, %d patches "
                        + "(%d caught on their first target and rolled back, %d failing on one target only)",
                APPLICATIONS, TARGETS, DAYS, rows.runs, rows.probes, patches, caughtFirst, nodeLocal);
    }

    private void application(int app, Instant first, Instant end) throws SQLException {
        String suite = String.format("app-%03d", app);
        Fingerprint fingerprint = initial(app);
        String[] previousRun = new String[TARGETS];
        for (int day = 0; day < DAYS; day++) {
            Instant midnight = first.plus(Duration.ofDays(day));
            boolean lastDays = day >= DAYS - 2;
            Fingerprint nightly = lastDays && app % 33 == 0 ? Patching.os(fingerprint, 99) : fingerprint;
            for (int target = 0; target < TARGETS; target++) {
                Instant at = midnight.plus(Duration.ofHours(2)).plusSeconds((app * TARGETS + target) * 20L);
                if (at.isBefore(end)) {
                    // A plain nightly run notices an OS patch on the last days: nothing judges it.
                    previousRun[target] = rows.run(suite, target, lastDays && app % 33 == 0 ? "RUN" : "SELFTEST",
                            at, nightly, null, null);
                }
            }
            if (day % 7 == app % 5 && day / 7 < 13 && !lastDays) {
                fingerprint = patch(app, suite, day / 7, midnight.plus(Duration.ofHours(10)), fingerprint, end);
            }
        }
    }

    /** One weekly patch, node by node; returns the fingerprint the application runs on afterwards. */
    private Fingerprint patch(int app, String suite, int week, Instant start, Fingerprint before, Instant end)
            throws SQLException {
        Fingerprint after = Patching.weekly(before, app, week);
        boolean bad = random.nextInt(20) == 0;
        int flaky = random.nextInt(30) == 0 ? 1 : -1;
        patches++;
        for (int target = 0; target < TARGETS; target++) {
            Instant at = start.plus(Duration.ofMinutes(15L * target));
            if (!at.plus(Duration.ofMinutes(10)).isBefore(end)) {
                return before;
            }
            String baseline = rows.run(suite, target, "BASELINE", at, before, null, null);
            String regressed = bad ? "probe-07" : target == flaky ? "probe-13" : null;
            String verify = rows.run(suite, target, "VERIFY", at.plus(Duration.ofMinutes(4)), after, baseline, regressed);
            if (bad) {
                rows.rollBack(verify, at.plus(Duration.ofMinutes(7)));
                // Rolled back: the node runs the old version again and passes.
                rows.run(suite, target, "SELFTEST", at.plus(Duration.ofMinutes(9)), before, null, null);
                caughtFirst++;
                return before;
            }
            nodeLocal += target == flaky ? 1 : 0;
        }
        return after;
    }

    private static Fingerprint initial(int app) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("app.version", "1." + app + ".0");
        facts.put("jvm.vendor", "Eclipse Adoptium");
        facts.put("jvm.version", "17.0.15");
        facts.put("jvm.build", "17.0.15+6");
        facts.put("jvm.name", "OpenJDK 64-Bit Server VM");
        facts.put("os.name", "Linux");
        facts.put("os.version", "6.1.0-20-amd64");
        facts.put("os.arch", "amd64");
        facts.put("os.release", "Debian GNU/Linux 12 (bookworm)");
        Map<String, Fingerprint.Jar> jars = new LinkedHashMap<>();
        for (int jar = 0; jar < JARS; jar++) {
            jars.put(String.format("library-%02d", jar), new Fingerprint.Jar("2." + jar + ".0", Integer.toHexString(jar * 7919 + 17)));
        }
        jars.put("app-" + app, new Fingerprint.Jar("1." + app + ".0", Integer.toHexString(app * 104729 + 3)));
        return new Fingerprint(facts, jars);
    }

    /** The fingerprint's JSON, as the ledger stores it, written once per fingerprint. */
    String json(Fingerprint fingerprint) {
        return fingerprintJson.computeIfAbsent(fingerprint.digest(), digest -> {
            try {
                return MAPPER.writeValueAsString(ReportDocument.fingerprint(fingerprint, new Redactor()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
                throw new IllegalStateException(impossible);
            }
        });
    }

    /** The batched inserts. */
    private final class Rows {
        private static final int BATCH = 500;
        private final Connection connection;
        private final PreparedStatement run;
        private final PreparedStatement probe;
        private final PreparedStatement report;
        private final PreparedStatement rollBack;
        private int pending;
        int runs;
        int probes;

        Rows(Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
            run = connection.prepareStatement("insert into pp_run (run_id, suite, target, kind, run_trigger, started_at_ms,"
                    + " duration_ms, verdict, interrupted, timed_out, fingerprint_digest, fingerprint, baseline_run_id,"
                    + " rolled_back, process_started_at_ms, patch_id, app_version, recorded_at_ms)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, false, false, ?, ?, ?, false, null, null, ?, ?)");
            probe = connection.prepareStatement("insert into pp_probe (run_id, suite, position, probe_id, kind, severity,"
                    + " status, duration_ms, last_attempt_ms, attempts, message, change) values (?, ?, ?, ?, 'http',"
                    + " 'critical', ?, ?, ?, 1, ?, ?)");
            report = connection.prepareStatement("insert into pp_report (run_id, report) values (?, ?)");
            rollBack = connection.prepareStatement("update pp_run set rolled_back = true, rolled_back_at_ms = ? where run_id = ?");
        }

        String run(String suite, int target, String kind, Instant at, Fingerprint fingerprint, String baselineRunId,
                   String regressed) throws SQLException {
            String runId = String.format("%s-%s-t%d-%d", kind.toLowerCase(java.util.Locale.ROOT).charAt(0), suite, target,
                    at.toEpochMilli() / 1000);
            String targetName = String.format("host-%03d", Integer.parseInt(suite.substring(4)) * TARGETS + target);
            String verdict = regressed == null ? "PASS" : "FAIL";
            long duration = 1500 + random.nextInt(3000);
            int i = 1;
            run.setString(i++, runId);
            run.setString(i++, suite);
            run.setString(i++, targetName);
            run.setString(i++, kind);
            run.setString(i++, kind.equals("SELFTEST") ? "SCHEDULE" : "COMMAND_LINE");
            run.setLong(i++, at.toEpochMilli());
            run.setLong(i++, duration);
            run.setString(i++, verdict);
            run.setString(i++, fingerprint.digest());
            run.setString(i++, json(fingerprint));
            run.setString(i++, baselineRunId);
            run.setString(i++, fingerprint.get("app.version"));
            run.setLong(i, at.toEpochMilli() + duration);
            run.addBatch();
            StringBuilder probesJson = new StringBuilder();
            for (int position = 0; position < PROBES; position++) {
                String id = String.format("probe-%02d", position + 1);
                boolean fails = id.equals(regressed);
                long took = 20 + random.nextInt(200);
                probe.setString(1, runId);
                probe.setString(2, suite);
                probe.setInt(3, position);
                probe.setString(4, id);
                probe.setString(5, fails ? "FAILED" : "PASSED");
                probe.setLong(6, took);
                probe.setLong(7, took);
                probe.setString(8, fails ? "expected status 200 but was 500" : "");
                probe.setString(9, baselineRunId == null ? null : fails ? "REGRESSED" : "SAME");
                probe.addBatch();
                probesJson.append(position == 0 ? "" : ",").append("{\"id\":\"").append(id).append("\",\"kind\":\"http\",")
                        .append("\"status\":\"").append(fails ? "FAILED" : "PASSED").append("\",\"durationMs\":").append(took)
                        .append(",\"attempts\":1,\"message\":\"").append(fails ? "expected status 200 but was 500" : "")
                        .append("\"").append(baselineRunId == null ? "" : ",\"change\":\"" + (fails ? "REGRESSED" : "SAME") + "\"")
                        .append('}');
                probes++;
            }
            report.setString(1, runId);
            report.setString(2, "{\"schemaVersion\":1,\"runId\":\"" + runId + "\",\"suite\":\"" + suite + "\",\"target\":\""
                    + targetName + "\",\"verdict\":\"" + verdict + "\",\"startedAt\":\"" + at + "\",\"durationMs\":" + duration
                    + ",\"fingerprint\":" + json(fingerprint) + ",\"summary\":{\"total\":" + PROBES + ",\"passed\":"
                    + (regressed == null ? PROBES : PROBES - 1) + ",\"failed\":" + (regressed == null ? 0 : 1)
                    + ",\"blocked\":0,\"skipped\":0},\"probes\":[" + probesJson + "]}");
            report.addBatch();
            runs++;
            if (++pending >= BATCH) {
                flush();
            }
            return runId;
        }

        void rollBack(String runId, Instant at) throws SQLException {
            flush();
            rollBack.setLong(1, at.toEpochMilli());
            rollBack.setString(2, runId);
            rollBack.executeUpdate();
        }

        void flush() throws SQLException {
            run.executeBatch();
            probe.executeBatch();
            report.executeBatch();
            connection.commit();
            pending = 0;
        }
    }
}
