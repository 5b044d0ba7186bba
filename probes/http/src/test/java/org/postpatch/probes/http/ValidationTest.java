package org.postpatch.probes.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.config.InvalidSuiteException;
import org.postpatch.config.Problem;
import org.postpatch.testkit.ProbeTestKit;

class ValidationTest {

    @TempDir
    Path folder;

    /** Each problem as "line:column probe: message". */
    private List<String> problems(String yaml) {
        ProbeTestKit files = ProbeTestKit.in(folder);
        Path file = files.write("probes.yaml", yaml);
        try {
            files.load(file);
        } catch (InvalidSuiteException invalid) {
            return invalid.problems().stream().map(ValidationTest::described).toList();
        }
        throw new AssertionError("expected the file to be refused");
    }

    private static String described(Problem problem) {
        return problem.location().line() + ":" + problem.location().column() + " " + problem.probeId() + ": "
                + problem.message();
    }

    @Test
    void misspeltMethodGetsASuggestion() {
        assertThat(problems("""
                probes:
                  - id: create
                    http:
                      pots: http://localhost:8080/orders
                """)).containsExactly(
                "4:7 create: http: missing the request: one of get, post, put, patch, delete, head or options, with the URL"
                        + " (like get: http://localhost:8080/health)",
                "4:7 create: http: unknown key 'pots' (did you mean 'post'?)");
    }

    @Test
    void twoMethodsAreRefused() {
        assertThat(problems("""
                probes:
                  - id: both
                    http:
                      get: http://localhost:8080/a
                      post: http://localhost:8080/b
                """)).containsExactly("5:13 both: http.post: one request per probe, found get and post");
    }

    @Test
    void urlMustBeHttpOrHttpsOnceVariablesAreKnown() {
        assertThat(problems("""
                vars:
                  base: ftp://files.example
                probes:
                  - id: ftp
                    http: { get: "${base}/x" }
                  - id: no-host
                    http: { get: "http:/relative" }
                  - id: spaces
                    http: { get: "http://local host/" }
                """)).containsExactly(
                "5:18 ftp: http.get: expected an http:// or https:// URL with a host, found 'ftp://files.example/x'",
                "7:18 no-host: http.get: expected an http:// or https:// URL with a host, found 'http:/relative'",
                "9:18 spaces: http.get: 'http://local host/' is not a URL: Illegal character in authority at index 7");
    }

    @Test
    void badStatusRegexAndJsonPathAreReportedWhereTheyAreWritten() {
        assertThat(problems("""
                probes:
                  - id: bad
                    http:
                      get: http://localhost:8080/
                      expect:
                        status: 2x
                        matches: "([a-z"
                        json:
                          $.items[: 1
                          status: UP
                          $.id: { matches: "*x" }
                """)).containsExactly(
                "6:17 bad: http.expect.status: expected a status like 200, a list [200, 204], \"2xx\" or \"200-299\", found '2x'",
                "7:18 bad: http.expect.matches: '([a-z' is not a valid regular expression: Unclosed character class near index 4",
                "9:21 bad: http.expect.json.$.items[: '$.items[' is not a JSONPath: unclosed '[' at position 8",
                "10:19 bad: http.expect.json.status: 'status' is not a JSONPath: it must start with $ (like $.status)",
                "11:28 bad: http.expect.json.$.id.matches: '*x' is not a valid regular expression: Dangling meta character '*' near index 0");
    }

    @Test
    void misspeltMatcherAndUnknownKeysGetSuggestions() {
        assertThat(problems("""
                probes:
                  - id: bad
                    http:
                      get: http://localhost:8080/
                      redirect: follow
                      expect:
                        json:
                          $.id: { matchs: "[0-9]+" }
                          $.total: { gt: 0, lenght: 2 }
                        within: soon
                """)).containsExactly(
                "5:7 bad: http: unknown key 'redirect' (did you mean 'redirects'?)",
                "8:17 bad: http.expect.json.$.id: expected a value or matchers (exists, absent, type, equals, matches, contains,"
                        + " notContains, length, gt, ge, lt, le), found key 'matchs' (did you mean 'matches'?); to compare with an object"
                        + " write { equals: {...} }",
                "9:29 bad: http.expect.json.$.total: unknown key 'lenght' (did you mean 'length'?)",
                "10:17 bad: http.expect.within: expected a duration like 500ms, 5s, 2m, 1h or 1m30s, found 'soon'");
    }

    @Test
    void invalidJsonPathsAndMatchersAreRefusedWhereTheyAreWritten() {
        assertThat(problems("""
                probes:
                  - id: bad
                    http:
                      get: http://localhost:8080/
                      expect:
                        notContains: { text: x }
                        json:
                          "$.items[?@.sku = 'A-1'].qty": 1
                          "$.items[?@.* == 1]": 1
                          "$[?size(@) > 1]": 1
                          $.vets: { length: { gte: 6 } }
                          $.pets: { length: { ge: many } }
                          $.owners: { length: {} }
                          $.tags: { notContains: [a, b] }
                      capture: { first: "$..[?@.a ==]" }
                """)).containsExactly(
                "6:22 bad: http.expect.notContains: expected a list of strings, found a map",
                "8:42 bad: http.expect.json.$.items[?@.sku = 'A-1'].qty: '$.items[?@.sku = 'A-1'].qty' is not a JSONPath:"
                        + " expected ',' or ']' but found '=' at position 16",
                "9:33 bad: http.expect.json.$.items[?@.* == 1]: '$.items[?@.* == 1]' is not a JSONPath: @.* can select"
                        + " several nodes, so it cannot be compared; only a singular query (names and indexes, like @.a or"
                        + " @[0]) can at position 10",
                "10:30 bad: http.expect.json.$[?size(@) > 1]: '$[?size(@) > 1]' is not a JSONPath: unknown function size();"
                        + " the functions are length, count, match, search, value at position 4",
                "11:31 bad: http.expect.json.$.vets.length: unknown key 'gte' (did you mean 'gt'?)",
                "12:35 bad: http.expect.json.$.pets.length.ge: expected a whole number, found 'many'",
                "13:31 bad: http.expect.json.$.owners.length: expected a whole number or matchers like { ge: 6 }"
                        + " (equals, gt, ge, lt, le)",
                "14:34 bad: http.expect.json.$.tags.notContains: expected a value to look for, found a list",
                "15:25 bad: http.capture.first: '$..[?@.a ==]' is not a JSONPath: expected a value, a query (@... or $...)"
                        + " or a function but found ']' at position 12");
    }

    @Test
    void bodyTlsAndHeaderMistakesAreRefused() {
        assertThat(problems("""
                probes:
                  - id: bad
                    http:
                      post: http://localhost:8080/
                      json: { a: 1 }
                      body: text
                      headers: { Host: example.org }
                      tls: { trustStore: missing.p12, insecure: true }
                      redirects: always
                      expect: { schema: nowhere.json, certificate: { validFor: 14d } }
                """)).containsExactly(
                "6:13 bad: http.body: one body per request, found json and body",
                "7:24 bad: http.headers.Host: the Host header is set by the HTTP client and cannot be given",
                "8:26 bad: http.tls.trustStore: no such trust store file: " + folder.resolve("missing.p12"),
                "8:49 bad: http.tls.insecure: choose a trustStore or insecure: true, not both",
                "9:18 bad: http.redirects: expected none or follow, found 'always'",
                "10:25 bad: http.expect.schema: no such JSON Schema file: " + folder.resolve("nowhere.json"));
    }

    @Test
    void captureNeededByAnotherProbeValidatesItsVariable() {
        assertThat(problems("""
                probes:
                  - id: create
                    http:
                      post: http://localhost:8080/orders
                      capture: { orderId: $.id, "bad name": $.x, total: "$.total[" }
                  - id: read
                    needs: [create]
                    http: { get: "http://localhost:8080/orders/${orderId}/${missing}" }
                """)).containsExactly(
                "5:45 create: http.capture.bad name: 'bad name' cannot be a variable name (letters, digits, _ . -)",
                "5:57 create: http.capture.total: '$.total[' is not a JSONPath: unclosed '[' at position 8",
                "8:18 read: undefined variable 'missing'");
    }
}
