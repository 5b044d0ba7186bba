package org.postpatch.probes.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.postpatch.probes.http.support.Runs.probe;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.probes.http.support.SilentServer;
import org.postpatch.result.RunResult;
import org.postpatch.testkit.ProbeTestKit;

class TimeoutTest {

    @TempDir
    Path folder;

    @Test
    @Timeout(60) // a hang guard only: the probe's own timeout is what is checked
    void serverThatNeverAnswersFailsAtTheProbeTimeoutAndTheConnectionIsClosed() throws Exception {
        try (SilentServer server = new SilentServer()) {
            RunResult run = ProbeTestKit.in(folder).run("""
                    suite: s
                    probes:
                      - id: hung
                        timeout: 5s
                        http: { get: "%s/health" }
                    """.formatted(server.url()));
            assertThat(probe(run, "hung").status()).isEqualTo(ProbeStatus.FAILED);
            assertThat(probe(run, "hung").message()).isEqualTo("timed out after 5s");
            // The request got through to the server (5s is far more than a loopback connection needs),
            // and the abandoned exchange's connection is then closed by the client.
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(server.accepted()).as("connections the request opened").isEqualTo(1);
                assertThat(server.closedByClient()).as("connections closed by the client").isEqualTo(1);
            });
        }
    }
}
