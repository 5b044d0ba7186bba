package org.postpatch.probes.http.expect.jsonpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.postpatch.probes.http.expect.Json;
import org.postpatch.probes.http.expect.JsonPath;

/**
 * The JSONPath Compliance Test Suite of RFC 9535 (test resource {@code jsonpath-cts/cts.json}, BSD-2,
 * see its README and LICENSE there): every case, one dynamic test each. A valid selector must select
 * the expected values with the expected normalized paths (any of the listed results where the RFC
 * leaves the order of object members open); an invalid one must be refused.
 */
class ComplianceTest {

    private static final int CASES = 703;
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) ->
            a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    static List<JsonNode> cases() {
        try (InputStream in = ComplianceTest.class.getResourceAsStream("/jsonpath-cts/cts.json")) {
            assertThat(in).as("jsonpath-cts/cts.json on the test classpath").isNotNull();
            List<JsonNode> cases = new ArrayList<>();
            new ObjectMapper().readTree(in).get("tests").forEach(cases::add);
            return cases;
        } catch (IOException unreadable) {
            throw new AssertionError("cannot read the compliance test suite", unreadable);
        }
    }

    @Test
    void theWholeSuiteIsThere() {
        assertThat(cases()).hasSize(CASES);
    }

    @TestFactory
    Stream<DynamicTest> everyCaseOfTheComplianceSuite() {
        return cases().stream().map(test -> DynamicTest.dynamicTest(test.get("name").asText(), () -> check(test)));
    }

    private static void check(JsonNode test) throws IOException {
        String selector = test.get("selector").asText();
        if (test.path("invalid_selector").asBoolean()) {
            assertThatThrownBy(() -> JsonPath.parseStrictly(selector))
                    .as("'%s' must be refused", selector).isInstanceOf(InvalidPathException.class);
            return;
        }
        JsonNode document = Json.parse(test.get("document").toString().getBytes(StandardCharsets.UTF_8));
        List<Node> selected = JsonPath.parseStrictly(selector).select(document);
        ArrayNode values = JsonNodeFactory.instance.arrayNode();
        ArrayNode paths = JsonNodeFactory.instance.arrayNode();
        for (Node node : selected) {
            values.add(node.value());
            paths.add(node.normalizedPath());
        }
        List<JsonNode> expectedValues = alternatives(test, "result", "results");
        List<JsonNode> expectedPaths = alternatives(test, "result_paths", "results_paths");
        for (int i = 0; i < expectedValues.size(); i++) {
            boolean pathsMatch = expectedPaths.isEmpty() || expectedPaths.get(i).equals(paths);
            if (expectedValues.get(i).equals(NUMBERS_BY_VALUE, values) && pathsMatch) {
                return;
            }
        }
        fail("'%s' on %s selected %s at %s; expected %s at %s", selector, test.get("document"), values, paths,
                expectedValues.size() == 1 ? expectedValues.get(0) : "one of " + expectedValues,
                expectedPaths.size() == 1 ? expectedPaths.get(0) : "one of " + expectedPaths);
    }

    @Test
    void probeFilesAcceptBeyondTheSuiteOnlyWiderNamesAfterADot() {
        List<String> accepted = new ArrayList<>();
        for (JsonNode test : cases()) {
            String selector = test.get("selector").asText();
            if (test.path("invalid_selector").asBoolean() && accepts(selector)) {
                accepted.add(selector);
            }
        }
        assertThat(accepted).containsExactly("$.1");
    }

    private static boolean accepts(String selector) {
        try {
            JsonPath.parse(selector);
            return true;
        } catch (IllegalArgumentException refused) {
            return false;
        }
    }

    /** The one expected result, or every allowed one. */
    private static List<JsonNode> alternatives(JsonNode test, String one, String several) {
        List<JsonNode> all = new ArrayList<>();
        if (test.has(one)) {
            all.add(test.get(one));
        } else if (test.has(several)) {
            test.get(several).forEach(all::add);
        }
        return all;
    }
}
