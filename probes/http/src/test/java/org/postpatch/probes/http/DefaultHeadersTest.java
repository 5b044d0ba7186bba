package org.postpatch.probes.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.postpatch.probes.http.support.Runs.probe;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.probes.http.expect.Expectations;
import org.postpatch.probes.http.support.TestServer;
import org.postpatch.result.RunResult;
import org.postpatch.testkit.ProbeTestKit;

/** The headers a request carries when the probe file sets none, as the server receives them. */
class DefaultHeadersTest {

    @TempDir
    Path folder;

    /** Answers like Spring Boot's error page: HTML to a client that accepts it, JSON otherwise. */
    private final TestServer server = TestServer.http()
            .on("/oups", DefaultHeadersTest::negotiatedErrorPage)
            .json("/health", 200, "{\"status\":\"UP\"}");

    private static void negotiatedErrorPage(HttpExchange exchange) throws IOException {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (accept != null && accept.contains("text/html")) {
            TestServer.respond(exchange, 500, "text/html;charset=UTF-8", "<html><head><title>Error</title></head>"
                    + "<body><h2>Something happened...</h2><p>Expected: controller used to showcase what happens"
                    + " when an exception is thrown</p></body></html>");
        } else {
            TestServer.respond(exchange, 500, "application/json",
                    "{\"timestamp\":\"2026-12-05T10:00:00Z\",\"status\":500,\"error\":\"Internal Server Error\",\"path\":\"/oups\"}");
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RunResult run(String probes) {
        return ProbeTestKit.in(folder).run("suite: s\nvars:\n  base: " + server.url() + "\nprobes:\n" + probes);
    }

    @Test
    void aGetSendsOnlyHostTheJdkClientsUserAgentAndAnEmptyContentLength() {
        RunResult run = run("""
                  - id: health
                    http: { get: "${base}/health", expect: { json: { $.status: UP } } }
                """);
        assertThat(probe(run, "health").status()).isEqualTo(ProbeStatus.PASSED);
        TestServer.Received received = server.last("/health");
        assertThat(new TreeSet<>(received.headers().keySet().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList()))
                .containsExactly("content-length", "host", "user-agent");
        assertThat(received.header("User-Agent")).isEqualTo("Java-http-client/" + System.getProperty("java.version"));
        assertThat(received.header("Content-Length")).isEqualTo("0");
    }

    @Test
    void aProbeThatReadsThePagesTextAsksForHtmlAsABrowserDoes() {
        RunResult run = run("""
                  - id: error-page
                    http:
                      get: "${base}/oups"
                      expect: { status: 500, contains: "Something happened..." }
                """);
        assertThat(probe(run, "error-page").status()).as(probe(run, "error-page").message())
                .isEqualTo(ProbeStatus.PASSED);
        assertThat(server.last("/oups").header("Accept")).isEqualTo(Expectations.PAGE_ACCEPT);
    }

    @Test
    void aProbeThatReadsJsonOrOnlyTheStatusSendsNoAcceptAndGetsTheServersDefault() {
        RunResult run = run("""
                  - id: error-json
                    http:
                      get: "${base}/oups"
                      expect: { status: 500, json: { $.error: Internal Server Error } }
                  - id: error-status
                    needs: [error-json]
                    http: { get: "${base}/oups", expect: { status: 500 } }
                """);
        assertThat(probe(run, "error-json").status()).as(probe(run, "error-json").message())
                .isEqualTo(ProbeStatus.PASSED);
        assertThat(probe(run, "error-status").status()).isEqualTo(ProbeStatus.PASSED);
        assertThat(server.received()).extracting(request -> request.header("Accept")).containsOnlyNulls();
    }

    @Test
    void anAcceptTheProbeGivesIsSentAsWritten() {
        RunResult run = run("""
                  - id: asks-for-json
                    http:
                      get: "${base}/oups"
                      headers: { accept: application/json }
                      expect: { status: 500, contains: Internal Server Error }
                """);
        assertThat(probe(run, "asks-for-json").status()).as(probe(run, "asks-for-json").message())
                .isEqualTo(ProbeStatus.PASSED);
        assertThat(server.last("/oups").header("Accept")).isEqualTo("application/json");
    }
}
