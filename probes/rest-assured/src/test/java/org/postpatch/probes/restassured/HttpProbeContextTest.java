package org.postpatch.probes.restassured;

import org.postpatch.testkit.ProbeTestKit;
import org.postpatch.testkit.RenderedRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;

/** Java probes using {@code ctx.http()} against a real JDK HTTP server on loopback. */
class HttpProbeContextTest {

    private static final String API_KEY = "ApiKey-Canary-2b8d77";

    // The suites below allow 60s per probe: REST Assured's first request in a JVM takes seconds.

    @TempDir
    Path folder;

    private OrderServer server;

    @BeforeEach
    void startTheServer() throws Exception {
        server = new OrderServer();
    }

    @AfterEach
    void stopTheServer() {
        server.close();
    }

    private RenderedRun run(int parallel, String baseVariable, String probeClass) {
        return ProbeTestKit.in(folder).withEnvironment(Map.of("API_KEY", API_KEY)).render(parallel, """
                suite: orders
                defaults: { timeout: 60s }
                vars:
                  %s: "%s"
                  apiKey: ${secret:API_KEY}
                classes: [%s]
                """.formatted(baseVariable, server.baseUri(), probeClass));
    }

    @Test
    void probesPassAndFailAsTheServerAnswers() {
        RenderedRun run = run(8, "base", OrderProbes.class.getName());

        assertThat(run.probe("health").status()).as(run.probe("health").message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(run.probe("createOrder").status()).as(run.probe("createOrder").message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(run.probe("reportsBroken").status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(server.seen()).anySatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/orders");
            assertThat(request.body()).isEqualTo("{\"sku\":\"A-1\",\"qty\":1}");
        });
    }

    @Test
    void failedRestAssuredAssertionIsTheProbesOneLineReason() {
        RenderedRun run = run(8, "base", OrderProbes.class.getName());

        assertThat(run.probe("reportsBroken").message()).isEqualTo("1 expectation failed. Expected status code <200> but was <500>.");
        assertThat(run.console()).contains("reportsBroken").contains("Expected status code <200> but was <500>.");
    }

    @Test
    void unreachableServerFailsWithTheConnectionError() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        RenderedRun run = ProbeTestKit.in(folder).render(1, """
                suite: orders
                defaults: { timeout: 60s }
                vars:
                  base: "http://127.0.0.1:%d"
                classes: [%s]
                """.formatted(closedPort, OrderProbes.class.getName()));

        assertThat(run.probe("health").status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(run.probe("health").message())
                .isEqualTo("UncheckedIOException: GET http://127.0.0.1:" + closedPort + "/health: Connection refused");
    }

    @Test
    void baseUriVariableIsTheFallbackForBase() {
        RenderedRun run = run(8, "baseUri", OrderProbes.class.getName());

        assertThat(run.probe("createOrder").status()).as(run.probe("createOrder").message()).isEqualTo(ProbeStatus.PASSED);
    }

    @Test
    void requestsOfAllProbesReuseOneKeptAliveConnection() {
        RenderedRun run = run(1, "base", BusyProbes.class.getName());

        assertThat(run.run().probes()).allSatisfy(probe ->
                assertThat(probe.status()).as(probe.id() + ": " + probe.message()).isEqualTo(ProbeStatus.PASSED));
        assertThat(server.seen()).hasSize(30);
        assertThat(server.connections()).as("connections opened for 30 requests of 3 probes").isEqualTo(1);
    }

    @Test
    void parallelProbesShareThePoolWithoutOpeningAConnectionPerRequest() {
        RenderedRun run = run(3, "base", BusyProbes.class.getName());

        assertThat(run.run().probes()).allSatisfy(probe ->
                assertThat(probe.status()).as(probe.id() + ": " + probe.message()).isEqualTo(ProbeStatus.PASSED));
        assertThat(server.seen()).hasSize(30);
        assertThat(server.connections()).as("connections opened for 30 requests of 3 parallel probes").isBetween(1, 3);
    }

    @Test
    void requestTheServerNeverAnswersFailsAtTheProbesTimeoutAndItsConnectionIsClosed() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            RenderedRun run = ProbeTestKit.in(folder).render(2, """
                    suite: orders
                    defaults: { timeout: 60s }
                    vars:
                      base: "%s"
                      silent: "%s"
                    classes: [%s]
                    """.formatted(server.baseUri(), silent.baseUri(), HangingProbes.class.getName()));

            assertThat(run.probe("waitsForever").status()).isEqualTo(ProbeStatus.FAILED);
            assertThat(run.probe("waitsForever").message()).isEqualTo("timed out after 1s");
            assertThat(run.probe("stillAnswered").status()).isEqualTo(ProbeStatus.PASSED);
            await("the abandoned request's connection to close").atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(silent.closedByClients()).isEqualTo(1));
            assertThat(silent.accepted()).as("connections, so no hidden retry").isEqualTo(1);
        }
    }

    @Test
    void secretsInHeadersLogsAndFailuresAppearInNoOutput() {
        RenderedRun run = run(1, "base", LeakyProbes.class.getName());

        assertThat(run.probe("logsAndPasses").status()).as(run.probe("logsAndPasses").message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(run.probe("logsAndFails").status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(run.probe("logsAndFails").message())
                .isEqualTo("1 expectation failed. JSON path apiKey doesn't match. Expected: something else Actual: ****");
        assertThat(run.stdout()).as("REST Assured's request and response logs")
                .contains("Request URI:\t" + server.baseUri() + "/broken")
                .contains("X-Api-Key=****").contains("Authorization=****").contains("Cookie=****")
                .contains("Set-cookie: ****").contains("\"apiKey\": \"****\"");
        assertThat(run.everything())
                .doesNotContain(API_KEY)
                .doesNotContain(LeakyProbes.BEARER_TOKEN)
                .doesNotContain(OrderServer.SESSION_COOKIE);
    }
}
