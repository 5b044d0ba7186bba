package org.postpatch.embedded;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.postpatch.endpoint.LastRun;

/** Starting an embedded self-test on a given application version, and reading its runs. */
final class SelfTests {

    private SelfTests() {
    }

    /** A self-test of the probe files in {@code probes}' folder, on target node-1, as application version {@code version}. */
    static SelfTest start(Path probes, String ledger, String version) {
        return PostPatch.embedded().probesFrom(probes.getParent().toString()).target("node-1").appVersion(version)
                .ledger(ledger).start();
    }

    /** The run the self-test starts on its own when the fingerprint is new to the ledger. */
    static LastRun awaitRun(SelfTest selfTest) {
        await("the automatic run").atMost(Duration.ofSeconds(60)).until(() -> selfTest.lastRun().isPresent());
        return selfTest.lastRun().orElseThrow();
    }

    /** One probe of a run's report. */
    static JsonNode probe(JsonNode report, String id) {
        for (JsonNode probe : report.path("probes")) {
            if (probe.path("id").asText().equals(id)) {
                return probe;
            }
        }
        throw new AssertionError("no probe " + id + " in " + report);
    }
}
