package org.postpatch.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postpatch.api.ProbeStatus;
import org.postpatch.compare.Criteria;
import org.postpatch.model.LatencyTolerance;
import org.postpatch.result.Fingerprint;
import org.postpatch.result.Sample;
import org.postpatch.result.Verdict;
import org.postpatch.testing.PostgresServer;

/**
 * What a probe run more than once leaves in the ledger — its samples and what running a failure
 * again showed — on H2 and PostgreSQL, in a ledger created by this version or one migrated from the
 * first; and what the ledger's earlier warm samples do to the tolerance.
 */
class SamplesInTheLedgerTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @TempDir
    Path folder;

    private static final Instant START = Instant.parse("2026-11-01T10:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "h2-version-1"})
    void samplesAndConfirmationsAreRecordedAndReadBack(String database) throws Exception {
        try (Ledger ledger = open(database)) {
            List<Sample> samples = List.of(
                    new Sample(START, ProbeStatus.FAILED, Duration.ofMillis(12), "expected status 200 but was 503", false),
                    new Sample(START.plusSeconds(1), ProbeStatus.PASSED, Duration.ofMillis(9), "", false));
            LedgerProbe flaky = new LedgerProbe("stock", "http", "critical", "PASSED", 600, 9, 1, "", "FLAKY", samples,
                    "FLAKED");
            LedgerProbe once = new LedgerProbe("health", "http", "critical", "PASSED", 5, 5, 1, "", "SAME");
            ledger.record(List.of(run("r1", RunKind.VERIFY, START, List.of(once, flaky))), "{}");

            List<LedgerProbe> read = ledger.run("r1").get(0).probes();
            assertThat(read.get(0).samples()).isEmpty();
            assertThat(read.get(0).confirmation()).isEqualTo("NONE");
            assertThat(read.get(1).flaked()).isTrue();
            assertThat(read.get(1).change()).isEqualTo("FLAKY");
            assertThat(read.get(1).samples()).isEqualTo(samples.stream().map(s -> new Sample(s.startedAt(), s.status(),
                    s.time(), s.message(), s.late())).toList());
        }
    }

    @Test
    void theUsualSpreadOfEarlierWarmSamplesWidensTheToleranceAndNeverNarrowsIt() {
        List<LedgerRun> newestFirst = new ArrayList<>();
        long[] warm = {40, 300, 60, 380, 50, 90, 350};
        for (int i = 0; i < warm.length; i++) {
            newestFirst.add(run("b" + i, RunKind.BASELINE, START.plusSeconds(i),
                    List.of(new LedgerProbe("search", "http", "critical", "PASSED", warm[i], warm[i], 1, "", null))));
        }
        // A verify's recorded time is its first sample, cold or not, and a SLOWER one is not usual: neither counts.
        newestFirst.add(run("v1", RunKind.VERIFY, START, List.of(new LedgerProbe("search", "http", "critical", "PASSED",
                2000, 2000, 1, "", "SAME"))));
        newestFirst.add(run("s1", RunKind.SELFTEST, START, List.of(new LedgerProbe("search", "http", "critical", "PASSED",
                5000, 5000, 1, "", "SLOWER"))));

        Map<String, Duration> usual = LatencyHistory.usualSlowest(newestFirst);
        assertThat(usual).containsOnlyKeys("orders/search");
        assertThat(usual.get("orders/search")).isEqualTo(Duration.ofMillis(380));

        Criteria criteria = new Criteria(Map.of("orders/search", LatencyTolerance.DEFAULT), usual, false,
                org.postpatch.compare.TargetStart.UNKNOWN);
        // Baseline 40 ms: the default would say SLOWER over 330 ms; the usual spread says over 630 ms.
        assertThat(criteria.limit("orders/search", Duration.ofMillis(40))).isEqualTo(Duration.ofMillis(630));
        assertThat(criteria.isSlower("orders/search", Duration.ofMillis(40), Duration.ofMillis(500))).isFalse();
        assertThat(criteria.isSlower("orders/search", Duration.ofMillis(40), Duration.ofMillis(700))).isTrue();
        // Baseline 300 ms: the default (850 ms) is already wider: it stands.
        assertThat(criteria.limit("orders/search", Duration.ofMillis(300))).isEqualTo(Duration.ofMillis(850));
        // Fewer than five earlier samples say nothing about a spread.
        assertThat(LatencyHistory.usualSlowest(newestFirst.subList(0, 4))).isEmpty();
    }

    private Ledger open(String database) throws Exception {
        return TestLedgers.open(database, folder, POSTGRES);
    }

    private static LedgerRun run(String runId, RunKind kind, Instant startedAt, List<LedgerProbe> probes) {
        return new LedgerRun(runId, "orders", "node-1", kind, Trigger.COMMAND_LINE, startedAt, Duration.ofMillis(700),
                Verdict.WARN, false, false, new Fingerprint(Map.of("os.version", "6.1")), null, false, null, probes);
    }
}
