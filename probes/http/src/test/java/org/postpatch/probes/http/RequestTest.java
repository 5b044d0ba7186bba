package org.postpatch.probes.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.postpatch.probes.http.support.Runs.probe;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.probes.http.support.TestServer;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;
import org.postpatch.testkit.ProbeTestKit;

class RequestTest {

    @TempDir
    Path folder;

    private final TestServer server = TestServer.http().json("/", 200, "{\"status\":\"UP\"}");

    @AfterEach
    void stop() {
        server.close();
    }

    private RunResult run(String probes) {
        return ProbeTestKit.in(folder).run("suite: s\nvars:\n  base: " + server.url() + "\nprobes:\n" + probes);
    }

    @Test
    void getPassesOnAnyTwoHundredByDefaultAndReportsStatusLatencyAndSize() {
        RunResult run = run("""
                  - id: health
                    http: { get: "${base}/health" }
                """);
        ProbeResult health = probe(run, "health");
        assertThat(health.status()).as(health.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(health.message()).matches("200 in \\d+ms");
        assertThat(health.details()).containsEntry("status", 200).containsEntry("responseBytes", 15)
                .containsKey("latencyMs").containsEntry("request", "GET " + server.url() + "/health");
        assertThat(server.last("/health").method()).isEqualTo("GET");
    }

    @Test
    void everyMethodIsSentAsWritten() {
        RunResult run = run("""
                  - id: put
                    http: { put: "${base}/m/put" }
                  - id: patch
                    http: { patch: "${base}/m/patch" }
                  - id: delete
                    http: { delete: "${base}/m/delete" }
                  - id: head
                    http: { head: "${base}/m/head" }
                  - id: options
                    http: { options: "${base}/m/options" }
                """);
        assertThat(run.probes()).allSatisfy(p -> assertThat(p.status()).as(p.message()).isEqualTo(ProbeStatus.PASSED));
        assertThat(server.received()).extracting(TestServer.Received::method)
                .containsExactlyInAnyOrder("PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    }

    @Test
    void headersAndQueryParametersAreSent() {
        RunResult run = run("""
                  - id: search
                    http:
                      get: "${base}/search?page=2"
                      headers: { X-Request-Id: abc-123, Accept: application/json }
                      query: { q: "blue shoes", dryRun: "false" }
                """);
        assertThat(probe(run, "search").status()).isEqualTo(ProbeStatus.PASSED);
        TestServer.Received request = server.last("/search");
        assertThat(request.query()).isEqualTo("page=2&q=blue%20shoes&dryRun=false");
        assertThat(request.header("X-Request-Id")).isEqualTo("abc-123");
        assertThat(request.header("Accept")).isEqualTo("application/json");
    }

    @Test
    void jsonBodyIsSentAsJsonWithItsContentType() {
        RunResult run = run("""
                  - id: create
                    http:
                      post: "${base}/orders"
                      json: { sku: A-1, qty: 1, gift: false, tags: [x, y] }
                """);
        assertThat(probe(run, "create").status()).isEqualTo(ProbeStatus.PASSED);
        TestServer.Received request = server.last("/orders");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.body()).isEqualTo("{\"sku\":\"A-1\",\"qty\":1,\"gift\":false,\"tags\":[\"x\",\"y\"]}");
    }

    @Test
    void formBodyIsUrlEncoded() {
        RunResult run = run("""
                  - id: login
                    http:
                      post: "${base}/login"
                      form: { user: demo, note: "a&b c" }
                """);
        assertThat(probe(run, "login").status()).isEqualTo(ProbeStatus.PASSED);
        TestServer.Received request = server.last("/login");
        assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.body()).isEqualTo("user=demo&note=a%26b+c");
    }

    @Test
    void rawBodyKeepsTheContentTypeTheProbeGives() {
        RunResult run = run("""
                  - id: upload
                    http:
                      put: "${base}/doc"
                      headers: { Content-Type: application/xml }
                      body: "<doc>1</doc>"
                  - id: note
                    http:
                      post: "${base}/note"
                      body: plain words
                """);
        assertThat(run.probes()).allSatisfy(p -> assertThat(p.status()).as(p.message()).isEqualTo(ProbeStatus.PASSED));
        assertThat(server.last("/doc").header("Content-Type")).isEqualTo("application/xml");
        assertThat(server.last("/doc").body()).isEqualTo("<doc>1</doc>");
        assertThat(server.last("/note").header("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
        assertThat(server.last("/note").body()).isEqualTo("plain words");
    }

    @Test
    void userAndPasswordInTheUrlAreSentAsBasicAuthorization() {
        String url = server.url().replace("://", "://demo:s3cret-pw@");
        RunResult run = ProbeTestKit.in(folder).run("""
                suite: s
                probes:
                  - id: private
                    http: { get: "%s/private" }
                """.formatted(url));
        assertThat(probe(run, "private").status()).isEqualTo(ProbeStatus.PASSED);
        assertThat(server.last("/private").header("Authorization")).isEqualTo("Basic ZGVtbzpzM2NyZXQtcHc=");
        assertThat(probe(run, "private").details().get("request")).isEqualTo("GET " + server.url() + "/private");
    }

    @Test
    void refusedConnectionNamesHostAndPort() throws Exception {
        int port;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        RunResult run = ProbeTestKit.in(folder).run("""
                suite: s
                probes:
                  - id: down
                    http: { get: "http://127.0.0.1:%d/health" }
                """.formatted(port));
        assertThat(probe(run, "down").status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(probe(run, "down").message()).isEqualTo("cannot connect to 127.0.0.1:" + port + ": Connection refused");
    }

    @Test
    void unknownHostIsNamed() {
        RunResult run = ProbeTestKit.in(folder).run("""
                suite: s
                probes:
                  - id: nowhere
                    http: { get: "http://no-such-host.invalid:8080/health" }
                """);
        assertThat(probe(run, "nowhere").message())
                .isEqualTo("cannot connect to no-such-host.invalid:8080: unknown host no-such-host.invalid");
    }
}
