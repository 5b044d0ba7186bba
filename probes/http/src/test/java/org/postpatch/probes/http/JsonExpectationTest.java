package org.postpatch.probes.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.postpatch.probes.http.support.Runs.probe;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.probes.http.support.TestServer;
import org.postpatch.result.RunResult;
import org.postpatch.testkit.ProbeTestKit;

class JsonExpectationTest {

    private static final String ORDER = """
            {"id":"3f2b8c1e-7d4a-4e2b-9c1a-0b5d6e7f8a9b","status":"OPEN","total":12.5,"count":3,
             "items":[{"sku":"A-1","qty":1},{"sku":"B-2","qty":2}],"gift":false,"note":null,
             "customer":{"first name":"Ada","tier":"gold"},"tags":["new","web"]}
            """;

    @TempDir
    Path folder;

    private final TestServer server = TestServer.http()
            .json("/order", 200, ORDER)
            .on("/html", 200, "text/html", "<html>maintenance</html>");

    @AfterEach
    void stop() {
        server.close();
    }

    private RunResult expect(String json) {
        return ProbeTestKit.in(folder).run("""
                suite: s
                probes:
                  - id: order
                    http:
                      get: "%s/order"
                      expect:
                        json:
                %s
                """.formatted(server.url(), json.indent(10)));
    }

    private void passes(String json) {
        RunResult run = expect(json);
        assertThat(probe(run, "order").status()).as(probe(run, "order").message()).isEqualTo(ProbeStatus.PASSED);
    }

    private String failure(String json) {
        RunResult run = expect(json);
        assertThat(probe(run, "order").status()).isEqualTo(ProbeStatus.FAILED);
        return probe(run, "order").message();
    }

    @Test
    void plainValuesAreComparedAsWritten() {
        passes("""
                $.status: OPEN
                $.total: 12.50
                $.count: 3
                $.gift: false
                $.note: null
                $.items[0].sku: A-1
                $.items[-1].qty: 2
                $.customer['first name']: Ada
                """);
    }

    @Test
    void wrongValueSaysWhatWasExpectedAndFound() {
        assertThat(failure("$.status: CLOSED")).isEqualTo("$.status: expected \"CLOSED\" but was \"OPEN\"");
        assertThat(failure("$.count: 4")).isEqualTo("$.count: expected 4 but was 3");
        assertThat(failure("$.missing: x")).isEqualTo("$.missing: expected \"x\" but it is absent");
    }

    @Test
    void everyMatcherPassesOnAMatchingValue() {
        passes("""
                $.id: { matches: "[0-9a-f-]{36}", type: string, length: 36 }
                $.items: { length: 2, type: array }
                $.total: { gt: 0, ge: 12.5, lt: 100, le: 12.5, type: number }
                $.customer: { exists: true, type: object, equals: { "first name": Ada, tier: gold } }
                $.absent: { absent: true }
                $.nothing: { exists: false }
                $.tags: { contains: web }
                $.customer.tier: { contains: ol }
                $.note: { type: "null" }
                $.gift: { type: boolean, equals: false }
                $.items[*].sku: { equals: [A-1, B-2], contains: B-2, length: 2 }
                $.items.*: { length: 2 }
                """);
    }

    @Test
    void everyMatcherExplainsItsFailure() {
        assertThat(failure("$.id: { matches: \"[0-9]+\" }"))
                .isEqualTo("$.id: expected a value matching [0-9]+ but was \"3f2b8c1e-7d4a-4e2b-9c1a-0b5d6e7f8a9b\"");
        assertThat(failure("$.items: { length: 1 }")).isEqualTo("$.items: expected length 1 but was 2");
        assertThat(failure("$.total: { gt: 20 }")).isEqualTo("$.total: expected a number > 20 but was 12.5");
        assertThat(failure("$.status: { lt: 5 }")).isEqualTo("$.status: expected a number < 5 but was \"OPEN\"");
        assertThat(failure("$.note: { absent: true }")).isEqualTo("$.note: expected to be absent but was null");
        assertThat(failure("$.nope: { exists: true }")).isEqualTo("$.nope: expected to exist but it is absent");
        assertThat(failure("$.tags: { contains: app }")).isEqualTo("$.tags: expected to contain \"app\" but was an array [\"new\",\"web\"]");
        assertThat(failure("$.count: { type: string }")).isEqualTo("$.count: expected a string but was 3");
        assertThat(failure("$.customer: { type: array }"))
                .isEqualTo("$.customer: expected an array but was an object {\"first name\":\"Ada\",\"tier\":\"gold\"}");
    }

    @Test
    void everyFailingPathIsReportedNotOnlyTheFirst() {
        assertThat(failure("""
                $.status: CLOSED
                $.count: 4
                """)).isEqualTo("$.status: expected \"CLOSED\" but was \"OPEN\"; $.count: expected 4 but was 3");
    }

    @Test
    void bodyThatIsNotJsonFailsOnceWithAnExcerpt() {
        RunResult run = ProbeTestKit.in(folder).run("""
                suite: s
                probes:
                  - id: health
                    http:
                      get: "%s/html"
                      expect: { json: { $.status: UP, $.db: UP } }
                """.formatted(server.url()));
        assertThat(probe(run, "health").message())
                .startsWith("expected a JSON body but it is not JSON (")
                .endsWith("; body: <html>maintenance</html>");
    }
}
