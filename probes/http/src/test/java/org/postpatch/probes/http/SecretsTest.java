package org.postpatch.probes.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.postpatch.probes.http.support.Runs.probe;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.config.Environment;
import org.postpatch.config.SuiteLoader;
import org.postpatch.model.Suite;
import org.postpatch.probes.http.support.SilentServer;
import org.postpatch.probes.http.support.TestServer;
import org.postpatch.report.ConsoleReport;
import org.postpatch.report.Reports;
import org.postpatch.report.RunReport;
import org.postpatch.result.RunResult;
import org.postpatch.run.Runner;
import org.postpatch.secret.Redactor;
import org.postpatch.testkit.ProbeTestKit;

/**
 * Canary secrets in a header, a URL password, {@code ${secret:}} variables and cookies, sent to a
 * server that echoes all of them back, must not appear in anything a run writes: console, JSON
 * report, JUnit XML, standard output and error.
 */
class SecretsTest {

    private static final String TOKEN = "canary-token-7f3a9";
    private static final String QUERY_SECRET = "canary-query-c41d";
    private static final String URL_PASSWORD = "canary-url-pw-b52e";
    private static final String COOKIE = "canary-cookie-d19f";
    private static final String SET_COOKIE = "canary-setcookie-e77a";
    private static final String BASIC = Base64.getEncoder()
            .encodeToString(("ops:" + URL_PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final List<String> CANARIES = List.of(TOKEN, QUERY_SECRET, URL_PASSWORD, COOKIE, SET_COOKIE, BASIC);

    @TempDir
    Path folder;

    private final TestServer server = TestServer.http()
            .on("/echo", exchange -> {
                String echoed = exchange.getRequestHeaders().entrySet().stream()
                        .map(header -> "\"" + header.getKey() + "\":\"" + String.join(",", header.getValue()) + "\"")
                        .collect(Collectors.joining(",", "{", ",\"query\":\"" + exchange.getRequestURI().getRawQuery() + "\"}"));
                boolean ok = !exchange.getRequestURI().getPath().endsWith("/fail");
                TestServer.respond(exchange, ok ? 200 : 500, "application/json", echoed);
            })
            .on("/cookie", exchange -> {
                exchange.getResponseHeaders().add("Set-Cookie", "sid=" + SET_COOKIE + "; HttpOnly");
                TestServer.respond(exchange, 200, "application/json", "{\"ok\":true}");
            });

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void canariesAppearInNoOutputOfPassingOrFailingProbes() throws Exception {
        int closedPort;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = closed.getLocalPort();
        }
        String withPassword = server.url().replace("://", "://ops:" + URL_PASSWORD + "@");
        Path file;
        try (SilentServer silent = new SilentServer()) {
            file = ProbeTestKit.in(folder).write("probes.yaml", """
                    suite: secrets
                    vars:
                      base: %s
                      private: %s
                      silent: %s
                      down: http://ops:%s@127.0.0.1:%d
                    probes:
                      - id: header-passes
                        http:
                          get: "${base}/echo"
                          headers: { Authorization: "Bearer ${secret:ORDERS_TOKEN}", Cookie: "session=%s" }
                          expect: { json: { $.Authorization: { exists: true } } }
                      - id: header-fails
                        http:
                          get: "${base}/echo/fail"
                          headers: { Authorization: "Bearer ${secret:ORDERS_TOKEN}", Cookie: "session=%s" }
                      - id: header-value-fails
                        http:
                          get: "${base}/echo"
                          headers: { Authorization: "Bearer ${secret:ORDERS_TOKEN}" }
                          expect: { json: { $.Authorization: nothing, $.query: nothing } }
                      - id: url-password-passes
                        http: { get: "${private}/echo" }
                      - id: url-password-fails
                        http: { get: "${private}/echo/fail" }
                      - id: url-password-refused
                        http: { get: "${down}/health" }
                      - id: secret-query-fails
                        http:
                          post: "${base}/echo"
                          query: { token: "${secret:QUERY_SECRET}" }
                          json: { token: "${secret:QUERY_SECRET}" }
                          expect: { contains: "token=not there" }
                      - id: secret-in-capture-source
                        http:
                          get: "${base}/echo?t=${secret:QUERY_SECRET}"
                          capture: { echoed: $.query }
                      - id: uses-capture
                        needs: [secret-in-capture-source]
                        http: { get: "${base}/echo/fail?again=${echoed}" }
                      - id: set-cookie-fails
                        http:
                          get: "${base}/cookie"
                          expect: { headers: { Set-Cookie: other } }
                      - id: set-cookie-passes
                        http:
                          get: "${base}/cookie"
                          expect: { headers: { Set-Cookie: { exists: true } } }
                      - id: times-out
                        timeout: 1s
                        http:
                          get: "${silent}/x?token=${secret:ORDERS_TOKEN}"
                          headers: { Authorization: "Bearer ${secret:ORDERS_TOKEN}" }
                    """.formatted(server.url(), withPassword, silent.url(), URL_PASSWORD, closedPort, COOKIE, COOKIE));
            String written = run(file);
            for (String canary : CANARIES) {
                assertThat(written).as("output must not contain " + canary).doesNotContain(canary);
            }
        }
    }

    private String run(Path file) throws Exception {
        Redactor redactor = new Redactor();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ByteArrayOutputStream systemOut = new ByteArrayOutputStream();
        ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        RunResult run;
        ConsoleReport report = new ConsoleReport(new PrintStream(console, true, StandardCharsets.UTF_8), redactor, false);
        System.setOut(new PrintStream(systemOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
        try {
            List<Suite> suites = SuiteLoader.builder()
                    .environment(Environment.of(Map.of("ORDERS_TOKEN", TOKEN, "QUERY_SECRET", QUERY_SECRET)))
                    .redactor(redactor).build().load(List.of(file.toString()));
            run = Runner.builder().redactor(redactor).observer(report).parallel(4)
                    .attachments(folder.resolve("attachments")).build().run(suites);
            report.summary(run);
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }
        assertThat(probe(run, "header-passes").status()).as(probe(run, "header-passes").message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(probe(run, "url-password-passes").status()).isEqualTo(ProbeStatus.PASSED);
        assertThat(probe(run, "set-cookie-passes").status()).isEqualTo(ProbeStatus.PASSED);
        assertThat(probe(run, "uses-capture").status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(probe(run, "times-out").message()).isEqualTo("timed out after 1s");
        // The failures did have the secrets in hand: they were masked, not missing.
        assertThat(probe(run, "header-fails").message()).contains("\"Authorization\":\"****\"");
        assertThat(probe(run, "header-value-fails").message()).startsWith("$.Authorization: ").contains("but was \"****\"");
        assertThat(probe(run, "url-password-fails").message()).contains("\"Authorization\":\"****\"");
        assertThat(probe(run, "url-password-refused").message()).startsWith("cannot connect to 127.0.0.1:");
        assertThat(probe(run, "secret-query-fails").message()).contains("token=****");
        assertThat(probe(run, "set-cookie-fails").message()).isEqualTo("Set-Cookie header: expected \"other\" but was \"****\"");
        return String.join("\n", console.toString(StandardCharsets.UTF_8), systemOut.toString(StandardCharsets.UTF_8),
                systemErr.toString(StandardCharsets.UTF_8), Reports.JSON.render(RunReport.of(run, redactor)),
                Reports.JUNIT.render(RunReport.of(run, redactor)));
    }
}
