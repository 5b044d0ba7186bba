package org.postpatch.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a client sees of the server's HTTP/1.1: keep-alive, pipelining, HEAD, 100-continue, failures, late answers. */
class ProtocolTest {

    @Test
    void aConnectionCarriesRequestsOneAfterAnotherAndPipelined() throws Exception {
        try (WebServer server = TestServers.create().start(TestServers.settings().build());
                RawClient client = RawClient.connect(server.port())) {
            assertThat(client.send(TestServers.get("/items/1")).read().body()).isEqualTo("item 1");
            assertThat(client.send(TestServers.get("/items/2")).read().body()).isEqualTo("item 2");
            client.send(TestServers.get("/items/3") + TestServers.get("/items/4")
                    + "POST /echo HTTP/1.1\r\nContent-Length: 3\r\n\r\nxyz" + TestServers.get("/items/5"));
            assertThat(client.read().body()).isEqualTo("item 3");
            assertThat(client.read().body()).isEqualTo("item 4");
            assertThat(client.read().body()).isEqualTo("xyz");
            RawClient.Answer last = client.read();
            assertThat(last.body()).isEqualTo("item 5");
            assertThat(last.header("Connection")).isNull();
            assertThat(last.header("Date")).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        }
    }

    @Test
    void connectionCloseAndHttp10EndTheConnectionAfterTheAnswer() throws Exception {
        try (WebServer server = TestServers.create().start(TestServers.settings().build())) {
            try (RawClient client = RawClient.connect(server.port())) {
                RawClient.Answer answer = client.send("GET /hello HTTP/1.1\r\nConnection: close\r\n\r\n").read();
                assertThat(answer.body()).isEqualTo("hello");
                assertThat(answer.header("Connection")).isEqualTo("close");
                assertThat(client.readToEnd()).isEmpty();
            }
            try (RawClient client = RawClient.connect(server.port())) {
                assertThat(client.send("GET /hello HTTP/1.0\r\n\r\n").read().header("Connection")).isEqualTo("close");
                assertThat(client.readToEnd()).isEmpty();
            }
        }
    }

    @Test
    void headAnswersTheGetRoutesHeadersWithoutTheBody() throws Exception {
        try (WebServer server = TestServers.create().start(TestServers.settings().build());
                RawClient client = RawClient.connect(server.port())) {
            RawClient.Answer head = client.send("HEAD /hello HTTP/1.1\r\n\r\n").readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Length")).isEqualTo("5");
            assertThat(head.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            // Had a body been sent, it would be read as the next answer's status line.
            assertThat(client.send(TestServers.get("/hello")).read().body()).isEqualTo("hello");
        }
    }

    @Test
    void wrongMethodIs405WithAllowAndUnknownPathIs404() throws Exception {
        try (WebServer server = TestServers.create().start(TestServers.settings().build());
                RawClient client = RawClient.connect(server.port())) {
            RawClient.Answer wrongMethod = client.send("DELETE /hello HTTP/1.1\r\n\r\n").read();
            assertThat(wrongMethod.status()).isEqualTo(405);
            assertThat(wrongMethod.header("Allow")).isEqualTo("GET, HEAD");
            assertThat(wrongMethod.body()).contains("DELETE is not allowed here; use GET, HEAD");
            assertThat(client.send(TestServers.get("/hello/")).read().status()).as("a trailing slash").isEqualTo(200);
            assertThat(client.send(TestServers.get("/nothing")).read().status()).isEqualTo(404);
            assertThat(client.send(TestServers.get("/items/")).read().status()).as("an empty {id}").isEqualTo(404);
        }
    }

    @Test
    void expectContinueGetsAnInterimAnswerBeforeTheBodyIsSent() throws Exception {
        try (WebServer server = TestServers.create().start(TestServers.settings().build());
                RawClient client = RawClient.connect(server.port())) {
            client.send("POST /echo HTTP/1.1\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
            assertThat(client.read().status()).isEqualTo(100);
            RawClient.Answer answer = client.send("body").read();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("body");
        }
    }

    @Test
    void aFailingHandlerIsAnswered500AndTheServerGoesOn() throws Exception {
        try (WebServer server = TestServers.create().start(TestServers.settings().build());
                RawClient client = RawClient.connect(server.port())) {
            RawClient.Answer failed = client.send(TestServers.get("/fail")).read();
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.body()).doesNotContain("IllegalStateException").doesNotContain("at org.");
            assertThat(client.send(TestServers.get("/hello")).read().body()).isEqualTo("hello");
        }
    }

    @Test
    void lateAnswersHoldNoHandlerThread() throws Exception {
        TestServers servers = TestServers.create();
        ServerSettings oneThread = TestServers.settings().handlerThreads(1).build();
        try (WebServer server = servers.start(oneThread)) {
            java.util.List<RawClient> waiting = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 10; i++) {
                    waiting.add(RawClient.connect(server.port()).send(TestServers.get("/later")));
                }
                try (RawClient other = RawClient.connect(server.port())) {
                    assertThat(other.send(TestServers.get("/hello")).read().body())
                            .as("answered by the only handler thread while ten answers are pending").isEqualTo("hello");
                }
                servers.later.complete(Response.text(202, "finally"));
                for (RawClient client : waiting) {
                    RawClient.Answer answer = client.read();
                    assertThat(answer.status()).isEqualTo(202);
                    assertThat(answer.body()).isEqualTo("finally");
                }
            } finally {
                for (RawClient client : waiting) {
                    client.close();
                }
            }
        }
    }

    @Test
    void closingTheServerClosesItsConnectionsAndFreesThePort() throws Exception {
        WebServer server = TestServers.create().start(TestServers.settings().build());
        int port = server.port();
        try (RawClient client = RawClient.connect(port);
                StalledClients stalled = StalledClients.oneByteEach(port, 5)) {
            assertThat(client.send(TestServers.get("/hello")).read().status()).isEqualTo(200);
            server.close();
            assertThat(client.closedByServerWithin(Duration.ofSeconds(10))).isTrue();
            assertThat(stalled.awaitClosedByServer(Duration.ofSeconds(10))).hasSize(5);
        }
        try (WebServer again = WebServer.start(new java.net.InetSocketAddress("127.0.0.1", port),
                TestServers.settings().build(), TestServers.create().routes())) {
            assertThat(again.port()).isEqualTo(port);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().startsWith("test-server")));
    }
}
