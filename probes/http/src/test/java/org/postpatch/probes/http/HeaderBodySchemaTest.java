package org.postpatch.probes.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.postpatch.probes.http.support.Runs.probe;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.probes.http.support.TestServer;
import org.postpatch.result.RunResult;
import org.postpatch.testkit.ProbeTestKit;

class HeaderBodySchemaTest {

    @TempDir
    Path folder;

    private final TestServer server = TestServer.http()
            .on("/order", exchange -> {
                exchange.getResponseHeaders().add("X-Version", "2.4.1");
                exchange.getResponseHeaders().add("Cache-Control", "no-store");
                TestServer.respond(exchange, 201, "application/json; charset=utf-8",
                        "{\"id\":\"o-1\",\"sku\":\"A-1\",\"qty\":1}");
            })
            .on("/status", exchange -> TestServer.respond(exchange, 200, "text/plain", "status: ok\nversion: 2.4.1\n"))
            .on("/note", exchange -> TestServer.respond(exchange, 200, "application/json", "{\"note\":\"first\\nsecond\"}"))
            .on("/slow", exchange -> {
                // The server takes its time; Awaitility waits without a bare sleep.
                await().pollDelay(Duration.ofMillis(150)).atMost(Duration.ofSeconds(5)).until(() -> true);
                TestServer.respond(exchange, 200, "text/plain", "late");
            });

    @AfterEach
    void stop() {
        server.close();
    }

    private RunResult run(String probes) {
        return ProbeTestKit.in(folder).run("suite: s\nvars:\n  base: " + server.url() + "\nprobes:\n" + probes);
    }

    @Test
    void headersMatchByValueOrMatcherWithNamesInAnyCase() {
        RunResult run = run("""
                  - id: order
                    http:
                      post: "${base}/order"
                      expect:
                        status: 201
                        headers:
                          content-type: { contains: json }
                          X-Version: { matches: "2\\\\.\\\\d+\\\\.\\\\d+" }
                          Cache-Control: no-store
                          X-Debug: { absent: true }
                """);
        assertThat(probe(run, "order").status()).as(probe(run, "order").message()).isEqualTo(ProbeStatus.PASSED);
    }

    @Test
    void wrongOrMissingHeaderIsNamed() {
        RunResult run = run("""
                  - id: order
                    http:
                      post: "${base}/order"
                      expect:
                        headers: { Content-Type: { contains: xml }, X-Trace: { exists: true } }
                """);
        assertThat(probe(run, "order").message()).isEqualTo(
                "Content-Type header: expected to contain \"xml\" but was \"application/json; charset=utf-8\"; "
                        + "X-Trace header: expected to exist but it is absent");
    }

    @Test
    void bodyContainsEveryTextAndMatchesARegularExpression() {
        RunResult run = run("""
                  - id: text
                    http:
                      post: "${base}/order"
                      expect: { contains: ["A-1", "\\"qty\\":1"], matches: "\\"id\\":\\"o-\\\\d\\"" }
                  - id: missing
                    http:
                      post: "${base}/order"
                      expect: { contains: B-2 }
                  - id: unmatched
                    http:
                      post: "${base}/order"
                      expect: { matches: "qty\\":[2-9]" }
                """);
        assertThat(probe(run, "text").status()).as(probe(run, "text").message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(probe(run, "missing").message())
                .isEqualTo("expected the body to contain \"B-2\"; body: {\"id\":\"o-1\",\"sku\":\"A-1\",\"qty\":1}");
        assertThat(probe(run, "unmatched").message()).startsWith("expected the body to match qty\":[2-9]; body: ");
    }

    /** The rule every kind follows for regular expressions. */
    @Test
    void caretAndDollarInABodyPatternMatchAtEachLineAsInTheOtherKinds() {
        RunResult run = run("""
                  - id: line
                    http: { get: "${base}/status", expect: { matches: "^version: 2\\\\.4\\\\.\\\\d+$" } }
                  - id: whole-body-start
                    http: { get: "${base}/status", expect: { matches: "\\\\Astatus: ok$" } }
                  - id: not-at-the-start
                    http: { get: "${base}/status", expect: { matches: "\\\\Aversion" } }
                  - id: json-value
                    http: { get: "${base}/note", expect: { json: { $.note: { matches: "(?s)first\\n^second" } } } }
                """);

        assertThat(probe(run, "line").status()).as(probe(run, "line").message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(probe(run, "whole-body-start").status()).as(probe(run, "whole-body-start").message())
                .isEqualTo(ProbeStatus.PASSED);
        assertThat(probe(run, "not-at-the-start").message()).startsWith("expected the body to match \\Aversion");
        assertThat(probe(run, "json-value").status()).as(probe(run, "json-value").message()).isEqualTo(ProbeStatus.PASSED);
    }

    @Test
    void jsonSchemaFromAFileNextToTheProbeFileOrInline() {
        ProbeTestKit files = ProbeTestKit.in(folder);
        files.write("schemas/order.json", """
                {"type":"object","required":["id","sku","qty"],
                 "properties":{"id":{"type":"string"},"qty":{"type":"integer","minimum":1}}}
                """);
        files.write("schemas/strict.json", """
                {"type":"object","required":["total"],"properties":{"qty":{"type":"string"}}}
                """);
        RunResult run = files.run("""
                suite: s
                probes:
                  - id: valid
                    http: { post: "%1$s/order", expect: { schema: schemas/order.json } }
                  - id: invalid
                    http: { post: "%1$s/order", expect: { schema: schemas/strict.json } }
                  - id: inline
                    http:
                      post: "%1$s/order"
                      expect:
                        schema: { type: object, properties: { qty: { maximum: 0 } } }
                """.formatted(server.url()));
        assertThat(probe(run, "valid").status()).as(probe(run, "valid").message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(probe(run, "invalid").message()).startsWith("body does not match schemas/strict.json: ")
                .contains("total").contains("qty");
        assertThat(probe(run, "inline").message()).startsWith("body does not match inline schema: ").contains("qty");
    }

    @Test
    void responseOverItsLatencyBudgetFailsWithTheTimeItTook() {
        RunResult run = run("""
                  - id: slow
                    http: { get: "${base}/slow", expect: { within: 50ms } }
                  - id: generous
                    http: { get: "${base}/slow", expect: { within: 1m } }
                """);
        assertThat(probe(run, "slow").message()).matches("took \\d+ms, over the 50ms budget( \\(one of the first requests of this process.*\\))?");
        assertThat(probe(run, "slow").late()).as("a miss of time only: measured again warm right after a restart").isTrue();
        assertThat(probe(run, "generous").status()).isEqualTo(ProbeStatus.PASSED);
    }
}
