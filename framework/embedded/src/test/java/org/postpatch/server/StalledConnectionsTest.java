package org.postpatch.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stalled and slow clients hold a socket until their deadline, never a thread: everyone else is answered. */
class StalledConnectionsTest {

    /** Far below any deadline in these tests: a request that waited behind stalled ones would not make it. */
    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpResponse<String> get(WebServer server, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(ANSWERED_WITHIN).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void requestsAreAnsweredWhileAHundredStalledConnectionsStayOpen() throws Exception {
        ServerSettings patient = TestServers.settings().requestReadTimeout(Duration.ofMinutes(5)).build();
        try (WebServer server = TestServers.create().start(patient);
                StalledClients oneByte = StalledClients.oneByteEach(server.port(), 50);
                StalledClients trickling = StalledClients.trickling(server.port(), 50, Duration.ofMillis(200))) {
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> answer = get(server, "/hello");
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body()).isEqualTo("hello");
            }
            assertThat(oneByte.stillOpen()).as("connections that sent one byte, still open").isEqualTo(50);
            assertThat(trickling.stillOpen()).as("connections trickling bytes, still open").isEqualTo(50);
        }
    }

    @Test
    void aRequestNotCompleteByTheReadDeadlineIsAnswered408AndClosed() throws Exception {
        ServerSettings quick = TestServers.settings().requestReadTimeout(Duration.ofSeconds(1)).build();
        try (WebServer server = TestServers.create().start(quick);
                StalledClients oneByte = StalledClients.oneByteEach(server.port(), 20);
                StalledClients trickling = StalledClients.trickling(server.port(), 20, Duration.ofMillis(100))) {
            long opened = System.nanoTime();
            assertThat(oneByte.awaitClosedByServer(Duration.ofSeconds(30)))
                    .allSatisfy(answer -> assertThat(answer).startsWith("HTTP/1.1 408 Request Timeout")
                            .contains("Connection: close").contains("the request was not complete within 1000 ms"));
            assertThat(Duration.ofNanos(System.nanoTime() - opened)).as("not before the deadline")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(900));
            // Still sending when the deadline passes: the deadline counts from the first byte, not the last.
            assertThat(trickling.awaitClosedByServer(Duration.ofSeconds(30))).hasSize(20);
            assertThat(get(server, "/hello").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aConnectionThatNeverSendsIsClosedSilentlyAtTheReadDeadline() throws Exception {
        ServerSettings quick = TestServers.settings().requestReadTimeout(Duration.ofSeconds(1)).build();
        try (WebServer server = TestServers.create().start(quick); RawClient silent = RawClient.connect(server.port())) {
            assertThat(silent.readToEnd()).isEmpty();
        }
    }

    @Test
    void aKeptAliveConnectionIsClosedSilentlyAfterItsIdleTimeout() throws Exception {
        ServerSettings quick = TestServers.settings().idleTimeout(Duration.ofSeconds(1)).build();
        try (WebServer server = TestServers.create().start(quick); RawClient idle = RawClient.connect(server.port())) {
            assertThat(idle.send(TestServers.get("/hello")).read().body()).isEqualTo("hello");
            assertThat(idle.send(TestServers.get("/hello")).read().body()).as("kept alive").isEqualTo("hello");
            assertThat(idle.readToEnd()).as("closed without a word once idle").isEmpty();
        }
    }

    @Test
    void aRequestTrickledAByteAtATimeWithinTheDeadlineIsAnswered() throws Exception {
        try (WebServer server = TestServers.create().start(TestServers.settings().build());
                RawClient slow = RawClient.connect(server.port())) {
            for (byte b : TestServers.bytes("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\n\r\nabcde")) {
                slow.send(new byte[] {b});
            }
            RawClient.Answer answer = slow.read();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("abcde");
        }
    }

    @Test
    void atTheConnectionLimitTheLongestWaitingStalledConnectionMakesRoom() throws Exception {
        ServerSettings small = TestServers.settings().maxConnections(10).requestReadTimeout(Duration.ofMinutes(5)).build();
        try (WebServer server = TestServers.create().start(small);
                StalledClients stalled = StalledClients.oneByteEach(server.port(), 10)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> stalled.stillOpen() == 10);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                try (RawClient newcomer = RawClient.connect(server.port())) {
                    statuses.add(newcomer.send(TestServers.get("/hello")).read().status());
                }
            }
            assertThat(statuses).containsOnly(200);
            assertThat(stalled.stillOpen()).as("stalled connections dropped to make room").isLessThan(10);
        }
    }
}
