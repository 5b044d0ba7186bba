package org.postpatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.endpoint.LastRun;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.LedgerRun;
import org.postpatch.ledger.Ledgers;
import org.postpatch.result.Verdict;
import org.postpatch.testing.ProbeFiles;

/**
 * Every run after a patch — the automatic one and the ones requested or scheduled after it — is
 * judged against the last run on the fingerprint before the patch, not only the first.
 */
class BaselineAcrossRunsTest {

    @TempDir
    Path folder;

    @Test
    void runsAfterTheFirstOnAPatchedFingerprintAreStillJudgedAgainstThePrePatchRun() throws Exception {
        Path marker = Files.writeString(folder.resolve("feature.flag"), "on");
        Path probes = new ProbeFiles(folder).write("probes/orders.yaml", """
                suite: orders
                probes:
                  - id: feature-file
                    file: { path: "%s" }
                  - id: always
                    pass: {}
                """.formatted(marker.toString().replace("\\", "/")));
        String ledger = folder.resolve("ledger").toString();

        String before;
        try (SelfTest selfTest = SelfTests.start(probes, ledger, "1.0.0")) {
            LastRun first = SelfTests.awaitRun(selfTest);
            assertThat(first.verdict()).isEqualTo(Verdict.PASS);
            before = first.runId();
        }

        Files.delete(marker); // what the patch broke
        try (SelfTest selfTest = SelfTests.start(probes, ledger, "1.0.1")) {
            LastRun automatic = SelfTests.awaitRun(selfTest);
            LastRun requested = selfTest.requestRun().completion().get(60, TimeUnit.SECONDS);
            LastRun again = selfTest.requestRun().completion().get(60, TimeUnit.SECONDS);
            for (LastRun run : List.of(automatic, requested, again)) {
                JsonNode comparison = run.report().path("comparison");
                assertThat(comparison.path("baselineRunId").asText()).as(run.runId()).isEqualTo(before);
                assertThat(comparison.path("fingerprintChanges").toString()).as(run.runId()).contains("1.0.0");
                assertThat(change(run.report(), "feature-file")).as(run.runId()).isEqualTo("REGRESSED");
                assertThat(change(run.report(), "always")).as(run.runId()).isEqualTo("SAME");
            }
            assertThat(List.of(automatic.runId(), requested.runId(), again.runId())).doesNotHaveDuplicates();
        }

        try (Ledger opened = Ledgers.open(ledger)) {
            List<LedgerRun> runs = opened.history("orders", "node-1", 10);
            assertThat(runs).hasSize(4);
            assertThat(runs.subList(0, 3)).extracting(LedgerRun::baselineRunId).containsOnly(before);
            assertThat(runs.get(3).baselineRunId()).isNull();
        }
    }

    private static String change(JsonNode report, String id) {
        return SelfTests.probe(report, id).path("change").asText();
    }
}
