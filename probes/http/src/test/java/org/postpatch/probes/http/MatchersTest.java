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

/**
 * {@code notContains}, {@code length} with matchers, and how a path that selects several values
 * (a filter, {@code ..}, a wildcard) is matched — against a real server on loopback.
 */
class MatchersTest {

    private static final String VETS = """
            {"vetList":[{"name":"James","specialties":[]},{"name":"Helen","specialties":["radiology"]},
              {"name":"Linda","specialties":["surgery","dentistry"]},{"name":"Rafael","specialties":["surgery"]},
              {"name":"Henry","specialties":["radiology"]},{"name":"Sharon","specialties":[]}],
             "items":[{"sku":"A-1","qty":1,"price":9.5},{"sku":"B-2","qty":2,"price":20},{"sku":"C-3","qty":-1,"price":3}],
             "status":"UP","tags":["new","web"]}
            """;

    @TempDir
    Path folder;

    private final TestServer server = TestServer.http()
            .on("/vets", exchange -> {
                exchange.getResponseHeaders().add("Server", "nginx/1.25");
                TestServer.respond(exchange, 200, "application/json", VETS);
            });

    @AfterEach
    void stop() {
        server.close();
    }

    private ProbeResult expect(String expect) {
        RunResult run = ProbeTestKit.in(folder).run("""
                suite: s
                probes:
                  - id: vets
                    http:
                      get: "%s/vets"
                      expect:
                %s
                """.formatted(server.url(), expect.indent(8)));
        return probe(run, "vets");
    }

    private void passes(String expect) {
        ProbeResult result = expect(expect);
        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
    }

    private String failure(String expect) {
        ProbeResult result = expect(expect);
        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.FAILED);
        return result.message();
    }

    @Test
    void lengthTakesMatchersAsWellAsAnExactNumber() {
        passes("""
                json:
                  $.vetList: { length: { ge: 6 } }
                  $.tags: { length: { gt: 1, le: 2 } }
                  $.status: { length: { equals: 2 } }
                  $.items: { length: 3 }
                """);
        assertThat(failure("json: { $.vetList: { length: { ge: 10 } } }"))
                .isEqualTo("$.vetList: expected length >= 10 but was 6");
        assertThat(failure("json: { $.tags: { length: { gt: 0, lt: 2 } } }"))
                .isEqualTo("$.tags: expected length < 2 but was 2");
        assertThat(failure("json: { \"$.items[0].qty\": { length: { ge: 1 } } }"))
                .isEqualTo("$.items[0].qty: expected length >= 1 but was 1 (a number has no length)");
    }

    @Test
    void notContainsRefusesAListItemOrAPieceOfText() {
        passes("""
                json:
                  $.tags: { notContains: legacy }
                  $.status: { notContains: DOWN }
                  $.missing: { notContains: x }
                  $.vetList[*].name: { notContains: Igor }
                headers:
                  Server: { notContains: Apache }
                  X-Powered-By: { notContains: PHP }
                """);
        assertThat(failure("json: { $.tags: { notContains: web } }"))
                .isEqualTo("$.tags: expected not to contain \"web\" but was an array [\"new\",\"web\"]");
        assertThat(failure("headers: { Server: { notContains: nginx } }"))
                .isEqualTo("Server header: expected not to contain \"nginx\" but was \"nginx/1.25\"");
    }

    @Test
    void aFilterSelectsTheValueToCompare() {
        passes("""
                json:
                  "$.items[?@.sku == 'A-1'].qty": 1
                  "$.items[?@.sku == 'B-2']": { equals: { sku: B-2, qty: 2, price: 20 } }
                  "$.vetList[?@.name == 'Linda'].specialties[*]": { contains: surgery }
                  "$.vetList[?length(@.specialties) == 0].name": [James, Sharon]
                  "$.vetList[?search(@.name, '^H')]": { length: 2 }
                  "$..price": { gt: 0, length: 3 }
                """);
        assertThat(failure("json: { \"$.items[?@.sku == 'A-1'].qty\": 2 }"))
                .isEqualTo("$.items[?@.sku == 'A-1'].qty: expected 2 but was 1 at $.items[0].qty");
        assertThat(failure("json: { \"$.items[?@.sku == 'Z-9'].qty\": 1 }"))
                .isEqualTo("$.items[?@.sku == 'Z-9'].qty: expected 1 but it is absent");
    }

    @Test
    void aMatcherOnEachValueNamesTheFirstThatBreaksItAndHowManyDo() {
        assertThat(failure("json: { \"$.items[*].qty\": { gt: 0 } }"))
                .isEqualTo("$.items[*].qty: expected a number > 0 but was -1 at $.items[2].qty (1 of 3 values fails)");
        assertThat(failure("json: { \"$..name\": { matches: \"H.*\" } }"))
                .isEqualTo("$..name: expected a value matching H.* but was \"James\" at $.vetList[0].name"
                        + " (4 of 6 values fail)");
        assertThat(failure("json: { \"$.items[*]\": { type: array } }"))
                .isEqualTo("$.items[*]: expected an array but was an object {\"sku\":\"A-1\",\"qty\":1,\"price\":9.5}"
                        + " at $.items[0] (3 of 3 values fail)");
    }

    @Test
    void listMatchersStillSeeTheListOfEverySelectedValue() {
        passes("""
                json:
                  "$.items[*].sku": { equals: [A-1, B-2, C-3], contains: B-2, notContains: D-4, length: 3 }
                  "$.vetList[?@.specialties[0] == 'radiology'].name": [Helen, Henry]
                  "$.items[?@.qty > 5]": { absent: true }
                """);
        assertThat(failure("json: { \"$.items[*].sku\": { contains: D-4 } }"))
                .isEqualTo("$.items[*].sku: expected to contain \"D-4\" but was an array [\"A-1\",\"B-2\",\"C-3\"]");
        assertThat(failure("json: { \"$.items[?@.qty < 0]\": { absent: true } }"))
                .isEqualTo("$.items[?@.qty < 0]: expected to be absent but was [{\"sku\":\"C-3\",\"qty\":-1,\"price\":3}]");
    }
}
