package org.postpatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.endpoint.LastRun;
import org.postpatch.testing.ProbeFiles;
import org.postpatch.testing.RenamingServer;

/**
 * Snapshots in an embedded self-test: every run records one (any run may be the baseline of the
 * next patch), and every run on a patched fingerprint compares with the one the last run before the
 * patch recorded.
 */
class SnapshotSelfTestTest {

    @TempDir
    Path folder;

    @Test
    void runsAfterAPatchCompareWithTheSnapshotOfTheLastRunBeforeIt() throws Exception {
        try (RenamingServer server = RenamingServer.start()) {
            Path probes = new ProbeFiles(folder).write("probes/orders.yaml", """
                    suite: orders
                    probes:
                      - id: api-orders
                        http: { get: "%s/api/orders", expect: { snapshot: true } }
                    """.formatted(server.url()));
            String ledger = folder.resolve("ledger").toString();

            try (SelfTest selfTest = SelfTests.start(probes, ledger, "1.0.0")) {
                JsonNode first = SelfTests.probe(SelfTests.awaitRun(selfTest).report(), "api-orders");
                assertThat(first.path("message").asText()).endsWith("; snapshot recorded (noise: $.generatedAt, $.requestId)");
                assertThat(first.has("change")).isFalse();
            }

            try (SelfTest selfTest = SelfTests.start(probes, ledger, "1.0.1")) {
                JsonNode unchanged = SelfTests.probe(SelfTests.awaitRun(selfTest).report(), "api-orders");
                assertThat(unchanged.path("change").asText()).isEqualTo("SAME");
                assertThat(unchanged.path("message").asText()).contains("; snapshot unchanged (noise ignored: "
                        + "$.generatedAt, $.requestId); snapshot recorded (noise: $.generatedAt, $.requestId)");

                server.version(2);
                LastRun renamed = selfTest.requestRun().completion().get(60, TimeUnit.SECONDS);
                JsonNode regressed = SelfTests.probe(renamed.report(), "api-orders");
                assertThat(regressed.path("change").asText()).isEqualTo("REGRESSED");
                assertThat(regressed.path("message").asText()).isEqualTo("snapshot: $.items[0].sku removed (was \"A-1\"), "
                        + "$.items[0].product added (\"A-1\")");
                assertThat(renamed.verdict()).isEqualTo(org.postpatch.result.Verdict.FAIL);
            }
        }
    }
}
