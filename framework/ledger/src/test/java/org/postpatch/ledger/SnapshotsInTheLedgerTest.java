package org.postpatch.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postpatch.engine.Snapshots;
import org.postpatch.result.Fingerprint;
import org.postpatch.result.Verdict;
import org.postpatch.testing.PostgresServer;

/**
 * What snapshot probes observed, kept with their run for later runs to compare with — on H2 and
 * PostgreSQL, in a new ledger and in one migrated from the first schema — and how self-tests keep
 * only the latest per fingerprint.
 */
class SnapshotsInTheLedgerTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private static final Instant START = Instant.parse("2026-11-01T10:00:00Z");
    private static final Fingerprint BEFORE = new Fingerprint(Map.of("app.version", "1.0"));
    private static final Fingerprint AFTER = new Fingerprint(Map.of("app.version", "1.1"));

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "h2-version-1"})
    void aRunsSnapshotsAreReadBackByRunAndSuiteAndNeverWithItsProbes(String database) throws Exception {
        try (Ledger ledger = TestLedgers.open(database, folder, POSTGRES)) {
            String big = "{\"snapshot\":1,\"response\":{\"json\":\"" + "x".repeat(200_000) + "\"}}";
            ledger.record(List.of(run("b1", "orders", RunKind.BASELINE, BEFORE, 0, "{\"a\":1}", big),
                    run("b1", "billing", RunKind.BASELINE, BEFORE, 0, "{\"b\":2}", null)), "{}");

            assertThat(ledger.snapshots("b1", "orders")).containsOnly(Map.entry("api", "{\"a\":1}"), Map.entry("big", big));
            assertThat(ledger.snapshots("b1", "billing")).containsOnly(Map.entry("api", "{\"b\":2}"));
            assertThat(ledger.snapshots("b2", "orders")).isEmpty();
            assertThat(ledger.run("b1").get(0).probes()).extracting(LedgerProbe::snapshot).containsOnlyNulls();

            Snapshots snapshots = Baselines.snapshots(ledger, ledger.run("b1"), Snapshots.NONE);
            assertThat(snapshots.record()).isFalse();
            assertThat(snapshots.baselineRunId("orders")).contains("b1");
            assertThat(snapshots.of("orders", "api")).contains("{\"a\":1}");
            assertThat(snapshots.of("billing", "api")).contains("{\"b\":2}");
            assertThat(snapshots.of("orders", "health")).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aSelfTestKeepsOnlyItsLatestSnapshotsPerFingerprintWhileBaselinesKeepTheirs(String database) throws Exception {
        try (Ledger ledger = TestLedgers.open(database, folder, POSTGRES)) {
            ledger.record(List.of(run("s1", "orders", RunKind.SELFTEST, BEFORE, 1, "{\"s\":1}", null)), "{}");
            ledger.record(List.of(run("s2", "orders", RunKind.SELFTEST, BEFORE, 2, "{\"s\":2}", null)), "{}");
            ledger.record(List.of(run("b1", "orders", RunKind.BASELINE, BEFORE, 3, "{\"b\":1}", null)), "{}");
            ledger.record(List.of(run("b2", "orders", RunKind.BASELINE, BEFORE, 4, "{\"b\":2}", null)), "{}");
            ledger.record(List.of(run("s3", "orders", RunKind.SELFTEST, BEFORE, 5, "{\"s\":3}", null)), "{}");
            ledger.record(List.of(run("s4", "orders", RunKind.SELFTEST, AFTER, 6, "{\"s\":4}", null)), "{}");
            ledger.record(List.of(run("s5", "orders", RunKind.SELFTEST, AFTER, 7, null, null)), "{}");

            assertThat(ledger.snapshots("s1", "orders")).isEmpty();
            assertThat(ledger.snapshots("s2", "orders")).isEmpty();
            assertThat(ledger.snapshots("s3", "orders")).containsOnly(Map.entry("api", "{\"s\":3}"));
            assertThat(ledger.snapshots("b1", "orders")).containsOnly(Map.entry("api", "{\"b\":1}"));
            assertThat(ledger.snapshots("b2", "orders")).containsOnly(Map.entry("api", "{\"b\":2}"));
            assertThat(ledger.snapshots("s4", "orders")).as("a run that recorded none takes nothing away")
                    .containsOnly(Map.entry("api", "{\"s\":4}"));
            assertThat(ledger.history("orders", "node-1", 10)).hasSize(7);
        }
    }

    private static LedgerRun run(String runId, String suite, RunKind kind, Fingerprint fingerprint, int minute,
                                 String snapshot, String bigSnapshot) {
        List<LedgerProbe> probes = new java.util.ArrayList<>(List.of(
                new LedgerProbe("health", "http", "critical", "PASSED", 5, 5, 1, "", null),
                new LedgerProbe("api", "http", "critical", "PASSED", 9, 9, 1, "", null, List.of(), "NONE", snapshot)));
        if (bigSnapshot != null) {
            probes.add(new LedgerProbe("big", "http", "critical", "PASSED", 9, 9, 1, "", null, List.of(), "NONE", bigSnapshot));
        }
        return new LedgerRun(runId, suite, "node-1", kind, Trigger.COMMAND_LINE, START.plusSeconds(60L * minute),
                Duration.ofMillis(700), Verdict.PASS, false, false, fingerprint, null, false, null, probes);
    }
}
