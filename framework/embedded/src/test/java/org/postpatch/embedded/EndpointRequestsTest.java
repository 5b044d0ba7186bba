package org.postpatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postpatch.server.RawClient;
import org.postpatch.testing.ProbeFiles;

/** What the endpoint does with odd, oversized and kept-alive requests, on its own server and mounted on the application's. */
class EndpointRequestsTest {

    private static final String TOKEN = "s3cret-token-for-tests";
    private static final String PASSING = "suite: orders\nprobes: [{ id: secret-probe-name, pass: {} }]\n";

    @TempDir
    Path folder;

    private SelfTest start(PostPatch.Builder builder) {
        Path probes = new ProbeFiles(folder).write("probes/orders.yaml", PASSING);
        SelfTest selfTest = builder.probesFrom(probes.toString()).ledger("none").token(TOKEN).start();
        Http http = new Http(selfTest.port().orElseThrow());
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/selftest", null).json().has("lastRunAt"));
        return selfTest;
    }

    private static RawClient.Answer ask(int port, String request) throws Exception {
        try (RawClient client = RawClient.connect(port)) {
            return client.send(request).read();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/selftest/../selftest/runs/latest", "/selftest/runs%2Flatest", "/selftest/runs/latest%00",
            "/selftest;x/runs/latest", "/selftest//runs/latest", "/selftest/runs/latest;x", "/selftest/%2e%2e/selftest/report",
            "/selftest/runs/..%2Flatest", "/selftest%2Freport"})
    void pathTricksGetNothing(String path) throws Exception {
        try (SelfTest selfTest = start(PostPatch.embedded().endpoint(new InetSocketAddress("127.0.0.1", 0)))) {
            for (String authorization : new String[] {"", "Authorization: Bearer wrong\r\n"}) {
                RawClient.Answer answer = ask(selfTest.port().orElseThrow(),
                        "GET " + path + " HTTP/1.1\r\nHost: x\r\n" + authorization + "\r\n");
                assertThat(answer.status()).isIn(400, 401, 404);
                assertThat(answer.body()).doesNotContain("secret-probe-name").doesNotContain("<html");
            }
        }
    }

    @Test
    void oversizedRequestsAreRefusedAndTheEndpointGoesOn() throws Exception {
        try (SelfTest selfTest = start(PostPatch.embedded().endpoint(new InetSocketAddress("127.0.0.1", 0)))) {
            int port = selfTest.port().orElseThrow();
            assertThat(ask(port, "GET /selftest?" + "x".repeat(10_000) + " HTTP/1.1\r\n\r\n").status()).isEqualTo(414);
            assertThat(ask(port, "GET /selftest HTTP/1.1\r\nX-Big: " + "x".repeat(20_000) + "\r\n\r\n").status()).isEqualTo(431);
            assertThat(ask(port, "POST /selftest/runs HTTP/1.1\r\nAuthorization: Bearer " + TOKEN + "\r\nContent-Length: 100000\r\n\r\n"
                    + "x".repeat(100_000)).status()).isEqualTo(413);
            assertThat(ask(port, "GET /selftest HTTP/1.1\r\n\r\n").status()).isEqualTo(200);
        }
    }

    @Test
    void keptAliveConnectionAnswersGetHeadAnd405() throws Exception {
        try (SelfTest selfTest = start(PostPatch.embedded().endpoint(new InetSocketAddress("127.0.0.1", 0)));
                RawClient client = RawClient.connect(selfTest.port().orElseThrow())) {
            for (int i = 0; i < 50; i++) {
                assertThat(client.send("GET /selftest HTTP/1.1\r\nHost: x\r\n\r\n").read().body()).contains("\"status\":\"PASS\"");
            }
            RawClient.Answer get = client.send("GET /selftest/live HTTP/1.1\r\n\r\n").read();
            RawClient.Answer head = client.send("HEAD /selftest/live HTTP/1.1\r\n\r\n").readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Length")).isEqualTo(get.header("Content-Length"));
            RawClient.Answer post = client.send("POST /selftest HTTP/1.1\r\nContent-Length: 0\r\n\r\n").read();
            assertThat(post.status()).isEqualTo(405);
            assertThat(post.header("Allow")).isEqualTo("GET, HEAD");
            assertThat(post.body()).contains("\"error\":\"POST is not allowed here; use GET, HEAD\"");
            assertThat(client.send("GET /selftest/runs HTTP/1.1\r\n\r\n").read().header("Allow")).isEqualTo("POST");
        }
    }

    @Test
    void mountedOnTheApplicationsServerTheEndpointAnswersTheSame() throws Exception {
        HttpServer application = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        application.setExecutor(threads);
        application.start();
        try (SelfTest selfTest = start(PostPatch.embedded().endpoint(application))) {
            int port = application.getAddress().getPort();
            assertThat(selfTest.port()).contains(port);
            Http http = new Http(port);
            assertThat(http.get("/selftest", null).json().path("status").asText()).isEqualTo("PASS");
            assertThat(http.get("/selftest", null).body()).doesNotContain("secret-probe-name");
            assertThat(http.get("/selftest", TOKEN).body()).contains("secret-probe-name");
            assertThat(http.get("/selftest/runs/latest", null).status()).isEqualTo(401);
            assertThat(http.get("/selftest/runs/latest", TOKEN).status()).isEqualTo(200);
            assertThat(http.post("/selftest", TOKEN).status()).isEqualTo(405);
            assertThat(http.post("/selftest/runs?wait=30s", TOKEN).json().path("status").asText()).isEqualTo("PASS");
            assertThat(ask(port, "GET /selftest/runs%2Flatest HTTP/1.1\r\nAuthorization: Bearer " + TOKEN + "\r\n\r\n").status())
                    .isEqualTo(400);
            assertThat(ask(port, "HEAD /selftest HTTP/1.1\r\nConnection: close\r\n\r\n").status()).isEqualTo(200);
            selfTest.close();
            assertThat(http.get("/selftest", null).status()).as("the context is removed, the server goes on").isEqualTo(404);
        } finally {
            application.stop(0);
            threads.shutdownNow();
        }
    }
}
