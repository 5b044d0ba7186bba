package org.postpatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.endpoint.LastRun;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.LedgerProbe;
import org.postpatch.ledger.LedgerRun;
import org.postpatch.ledger.Ledgers;
import org.postpatch.result.Verdict;
import org.postpatch.testing.ProbeFiles;

/**
 * The self-test after a patch confirms its failures as a verify does: a probe that fails once and
 * passes when run again is FLAKY (a warning in the report; the status the endpoint serves stays
 * PASS, since the application works), one that fails again is REGRESSED, and a probe blocked by it
 * is BLOCKED, counted under it.
 */
class ConfirmationTest {

    @TempDir
    Path folder;

    @Test
    void aSelfTestAfterAPatchCallsAOneOffFailureFlakyAndARealOneRegressed() throws Exception {
        Path marker = Files.writeString(folder.resolve("feature.flag"), "on");
        // 'flaky' fails its first attempt under each application version, then passes.
        Path probes = new ProbeFiles(folder).write("probes/orders.yaml", """
                suite: orders
                probes:
                  - id: feature-file
                    file: { path: "%s" }
                  - id: uses-feature
                    needs: [feature-file]
                    pass: {}
                  - id: flaky
                    flaky: { key: "%s-${version}", passOnAttempt: 2 }
                """.formatted(marker.toString().replace("\\", "/"), folder.toString().replace("\\", "/")));
        String ledger = folder.resolve("ledger").toString();

        try (SelfTest selfTest = start(probes, ledger, "1.0.0")) {
            JsonNode first = awaitRun(selfTest).report();
            assertThat(first.path("verdict").asText()).isEqualTo("PASS");
            // Even before any patch, a flake is not recorded as a failure: it would hide the next regression.
            assertThat(probe(first, "flaky").path("status").asText()).isEqualTo("PASSED");
            assertThat(probe(first, "flaky").path("confirmation").asText()).isEqualTo("FLAKED");
        }

        Files.delete(marker); // what the patch broke
        try (SelfTest selfTest = start(probes, ledger, "1.0.1")) {
            LastRun run = awaitRun(selfTest);
            JsonNode report = run.report();
            assertThat(probe(report, "flaky").path("change").asText()).isEqualTo("FLAKY");
            assertThat(probe(report, "flaky").path("samples")).hasSize(2);
            assertThat(probe(report, "feature-file").path("change").asText()).isEqualTo("REGRESSED");
            assertThat(probe(report, "feature-file").path("confirmation").asText()).isEqualTo("REPRODUCED");
            assertThat(probe(report, "uses-feature").path("change").asText()).isEqualTo("BLOCKED");
            assertThat(report.path("comparison").path("summary").asText()).startsWith("1 regressed (1 blocked by it), 1 flaky");
            assertThat(run.verdict()).isEqualTo(Verdict.FAIL);
        }

        try (Ledger opened = Ledgers.open(ledger)) {
            List<LedgerRun> runs = opened.history("orders", "node-1", 10);
            LedgerProbe flaky = runs.get(0).probes().stream().filter(p -> p.id().equals("flaky")).findFirst().orElseThrow();
            assertThat(flaky.change()).isEqualTo("FLAKY");
            assertThat(flaky.flaked()).isTrue();
            assertThat(flaky.samples()).extracting(sample -> sample.status().name()).containsExactly("FAILED", "PASSED");
        }
    }

    @Test
    void aFlakeAloneAfterAPatchWarnsInTheReportAndLeavesTheStatusPassing() throws Exception {
        Path probes = new ProbeFiles(folder).write("probes/orders.yaml", """
                suite: orders
                probes:
                  - id: always
                    pass: {}
                  - id: flaky
                    flaky: { key: "%s-${version}", passOnAttempt: 2 }
                """.formatted(folder.toString().replace("\\", "/")));
        String ledger = folder.resolve("ledger").toString();
        try (SelfTest selfTest = start(probes, ledger, "1.0.0")) {
            awaitRun(selfTest);
        }
        try (SelfTest selfTest = start(probes, ledger, "1.0.1")) {
            LastRun run = awaitRun(selfTest);
            assertThat(probe(run.report(), "flaky").path("change").asText()).isEqualTo("FLAKY");
            assertThat(run.report().path("verdict").asText()).as("judged against the run before the patch").isEqualTo("WARN");
            // What /selftest and health checks read: the application works now (the flake passed when run again).
            assertThat(run.verdict()).isEqualTo(Verdict.PASS);
        }
    }

    private static SelfTest start(Path probes, String ledger, String version) {
        return PostPatch.embedded().probesFrom(probes.getParent().toString()).target("node-1").appVersion(version)
                .variable("version", version).ledger(ledger).start();
    }

    private static LastRun awaitRun(SelfTest selfTest) {
        await("the automatic run").atMost(Duration.ofSeconds(60)).until(() -> selfTest.lastRun().isPresent());
        return selfTest.lastRun().orElseThrow();
    }

    private static JsonNode probe(JsonNode report, String id) {
        for (JsonNode probe : report.path("probes")) {
            if (probe.path("id").asText().equals(id)) {
                return probe;
            }
        }
        throw new AssertionError("no probe " + id + " in " + report);
    }
}
