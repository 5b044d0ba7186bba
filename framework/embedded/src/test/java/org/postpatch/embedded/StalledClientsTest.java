package org.postpatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.server.StalledClients;
import org.postpatch.testing.ProbeFiles;

/**
 * Clients that open a connection, start a request and stall (or trickle it a byte at a time) neither
 * silence {@code /selftest} for everyone else nor stay connected past the request-read deadline.
 */
class StalledClientsTest {

    /** Far below the minutes a request waiting behind stalled connections used to take. */
    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(5);

    @TempDir
    Path folder;

    private SelfTest start(String probe) {
        Path probes = new ProbeFiles(folder).write("probes/app.yaml", "suite: app\nprobes: [{ id: only, " + probe + " }]\n");
        SelfTest selfTest = PostPatch.embedded().probesFrom(probes.toString()).ledger("none")
                .endpoint(new java.net.InetSocketAddress("127.0.0.1", 0)).start();
        Http http = new Http(selfTest.port().orElseThrow());
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/selftest", null).json().has("lastRunAt"));
        return selfTest;
    }

    @ParameterizedTest(name = "{0} stalled connections")
    @ValueSource(ints = {4, 20, 50})
    void summaryAnswersEveryoneWhileConnectionsThatSentOneByteAreOpen(int stalled) throws Exception {
        try (SelfTest selfTest = start("pass: {}");
                StalledClients clients = StalledClients.oneByteEach(selfTest.port().orElseThrow(), stalled)) {
            Http http = new Http(selfTest.port().orElseThrow(), ANSWERED_WITHIN);
            for (int i = 0; i < 20; i++) {
                Http.Response summary = http.get("/selftest", null);
                assertThat(summary.status()).isEqualTo(200);
                assertThat(summary.json().path("status").asText()).isEqualTo("PASS");
            }

            List<String> received = clients.awaitClosedByServer(Duration.ofSeconds(60));
            assertThat(received).as("each stalled connection is told it took too long, then closed")
                    .hasSize(stalled).allSatisfy(answer -> assertThat(answer).startsWith("HTTP/1.1 408 "));
        }
    }

    @Test
    void failedVerdictIsServedWhileFiftyClientsTrickleEndlessRequests() throws Exception {
        try (SelfTest selfTest = start("fail: { message: down }");
                StalledClients clients = StalledClients.trickling(selfTest.port().orElseThrow(), 50, Duration.ofMillis(300))) {
            Http http = new Http(selfTest.port().orElseThrow(), ANSWERED_WITHIN);
            for (int i = 0; i < 20; i++) {
                Http.Response summary = http.get("/selftest", null);
                assertThat(summary.status()).isEqualTo(503);
                assertThat(summary.json().path("status").asText()).isEqualTo("FAIL");
            }
            // Still sending, never finishing: the deadline counts from the request's first byte.
            assertThat(clients.awaitClosedByServer(Duration.ofSeconds(60))).hasSize(50);
        }
    }
}
