package org.postpatch.probes.http.expect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postpatch.probes.http.expect.jsonpath.Node;

class JsonPathTest {

    private static final JsonNode DOCUMENT = parse("""
            {"a":{"b":[10,20,30]},"key with space":1,"dotted.key":{"x":"y"},"it's":true,
             "items":[{"sku":"A"},{"sku":"B"},{"other":1}],"empty":[]}
            """);

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String read(String path) {
        return JsonPath.parse(path).read(DOCUMENT).toString();
    }

    @Test
    void dotsIndexesAndQuotedNamesSelectOneValue() {
        assertThat(read("$.a.b[1]")).isEqualTo("20");
        assertThat(read("$.a.b[-1]")).isEqualTo("30");
        assertThat(read("$['key with space']")).isEqualTo("1");
        assertThat(read("$[\"dotted.key\"].x")).isEqualTo("\"y\"");
        assertThat(read("$['it\\'s']")).isEqualTo("true");
        assertThat(JsonPath.parse("$").read(DOCUMENT)).isSameAs(DOCUMENT);
        assertThat(JsonPath.parse("$.a.b[0]").isDefinite()).isTrue();
    }

    @Test
    void wildcardsSelectTheListOfEveryMatch() {
        assertThat(read("$.items[*].sku")).isEqualTo("[\"A\",\"B\"]");
        assertThat(read("$.a.*")).isEqualTo("[[10,20,30]]");
        assertThat(JsonPath.parse("$.items[*].sku").isDefinite()).isFalse();
    }

    @Test
    void nothingThereIsMissingNotNull() {
        assertThat(JsonPath.parse("$.a.c").read(DOCUMENT).isMissingNode()).isTrue();
        assertThat(JsonPath.parse("$.a.b[7]").read(DOCUMENT).isMissingNode()).isTrue();
        assertThat(JsonPath.parse("$.a.b.c").read(DOCUMENT).isMissingNode()).isTrue();
        assertThat(JsonPath.parse("$.empty[*]").read(DOCUMENT).isMissingNode()).isTrue();
    }

    @Test
    void malformedPathsSayWhereAndWhy() {
        assertThatThrownBy(() -> JsonPath.parse("status")).hasMessage(
                "'status' is not a JSONPath: it must start with $ (like $.status)");
        assertThatThrownBy(() -> JsonPath.parse("$.a...b")).hasMessage(
                "'$.a...b' is not a JSONPath: expected a name or * after '..' but found '.' at position 6");
        assertThatThrownBy(() -> JsonPath.parse("$.a[x]")).hasMessage(
                "'$.a[x]' is not a JSONPath: expected a quoted name, an index, a slice, * or a filter ?... but found 'x'"
                        + " at position 5");
        assertThatThrownBy(() -> JsonPath.parse("$['a")).hasMessage(
                "'$['a' is not a JSONPath: the string is not closed with ' at position 3");
        assertThatThrownBy(() -> JsonPath.parse("$.items[")).hasMessage(
                "'$.items[' is not a JSONPath: unclosed '[' at position 8");
        assertThatThrownBy(() -> JsonPath.parse("$.a ")).hasMessage(
                "'$.a ' is not a JSONPath: blank space at the end at position 4");
    }

    @Test
    void malformedFiltersSayWhatIsWrongWithThem() {
        assertThatThrownBy(() -> JsonPath.parse("$.items[?@.sku = 'A-1']")).hasMessage(
                "'$.items[?@.sku = 'A-1']' is not a JSONPath: expected ',' or ']' but found '=' at position 16");
        assertThatThrownBy(() -> JsonPath.parse("$.items[?@.* == 1]")).hasMessage(
                "'$.items[?@.* == 1]' is not a JSONPath: @.* can select several nodes, so it cannot be compared;"
                        + " only a singular query (names and indexes, like @.a or @[0]) can at position 10");
        assertThatThrownBy(() -> JsonPath.parse("$[?size(@) > 1]")).hasMessage(
                "'$[?size(@) > 1]' is not a JSONPath: unknown function size(); the functions are length, count,"
                        + " match, search, value at position 4");
        assertThatThrownBy(() -> JsonPath.parse("$[?length(@.*) > 1]")).hasMessage(
                "'$[?length(@.*) > 1]' is not a JSONPath: argument 1 of length() must be a value: a literal, a singular"
                        + " query (names and indexes, like @.a) or a function returning a value, found @.* at position 11");
        assertThatThrownBy(() -> JsonPath.parse("$[?length(@.a)]")).hasMessage(
                "'$[?length(@.a)]' is not a JSONPath: the result of length(@.a) must be compared"
                        + " (like length(@.a) > 0) at position 4");
        assertThatThrownBy(() -> JsonPath.parse("$[?@.a == True]")).hasMessage(
                "'$[?@.a == True]' is not a JSONPath: expected a value, a query (@... or $...) or a function but found"
                        + " 'T' at position 11");
        assertThatThrownBy(() -> JsonPath.parse("$[?(@.a == 1]")).hasMessage(
                "'$[?(@.a == 1]' is not a JSONPath: expected ')' but found ']' at position 13");
    }

    @Test
    void filtersKeepTheItemsTheyHoldFor() {
        assertThat(read("$.items[?@.sku == 'A'].sku")).isEqualTo("[\"A\"]");
        assertThat(read("$.items[?@.sku != 'A' && @.sku].sku")).isEqualTo("[\"B\"]");
        assertThat(read("$.items[?!@.sku]")).isEqualTo("[{\"other\":1}]");
        assertThat(read("$.a.b[?@ > 25 || @ < 11]")).isEqualTo("[10,30]");
        assertThat(read("$.a.b[?@ >= 20]")).isEqualTo("[20,30]");
        assertThat(read("$[?@.x == 'y']")).isEqualTo("[{\"x\":\"y\"}]");
        assertThat(read("$.items[?match(@.sku, '[A-B]')].sku")).isEqualTo("[\"A\",\"B\"]");
        assertThat(read("$.items[?search(@.sku, 'B')].sku")).isEqualTo("[\"B\"]");
        assertThat(read("$[?length(@) == 3]")).isEqualTo("[[{\"sku\":\"A\"},{\"sku\":\"B\"},{\"other\":1}]]");
        assertThat(read("$.items[?count(@.*) == 1 && value(@.*) == 1]")).isEqualTo("[{\"other\":1}]");
        assertThat(read("$.items[?@.sku == $.items[1].sku].sku")).isEqualTo("[\"B\"]");
        assertThat(JsonPath.parse("$.items[?@.sku == 'Z']").read(DOCUMENT).isMissingNode()).isTrue();
    }

    @Test
    void descendantsSlicesAndUnionsSelectEveryMatchInDocumentOrder() {
        assertThat(read("$..sku")).isEqualTo("[\"A\",\"B\"]");
        assertThat(read("$..b[-1]")).isEqualTo("[30]");
        assertThat(read("$.a.b[0:2]")).isEqualTo("[10,20]");
        assertThat(read("$.a.b[::-1]")).isEqualTo("[30,20,10]");
        assertThat(read("$.a.b[0,2]")).isEqualTo("[10,30]");
        assertThat(read("$['key with space','it\\'s']")).isEqualTo("[1,true]");
        assertThat(JsonPath.parse("$..sku").isDefinite()).isFalse();
        assertThat(JsonPath.parse("$.a.b[0:1]").isDefinite()).isFalse();
    }

    @Test
    void namesAfterADotMayHaveCharactersOutsideRfc9535AsTheyAlwaysCould() {
        JsonNode document = parse("{\"first-name\":\"Ada\",\"@type\":\"person\",\"$schema\":\"s\",\"2fa\":true,"
                + "\"team\":[{\"x-id\":7}]}");
        assertThat(JsonPath.parse("$.first-name").read(document).asText()).isEqualTo("Ada");
        assertThat(JsonPath.parse("$.@type").read(document).asText()).isEqualTo("person");
        assertThat(JsonPath.parse("$.$schema").read(document).asText()).isEqualTo("s");
        assertThat(JsonPath.parse("$.2fa").read(document).asBoolean()).isTrue();
        assertThat(JsonPath.parse("$.team[?@.x-id == 7].x-id").read(document).toString()).isEqualTo("[7]");
        assertThat(JsonPath.parse("$.first-name").isDefinite()).isTrue();
        assertThatThrownBy(() -> JsonPath.parseStrictly("$.first-name")).hasMessage(
                "'$.first-name' is not a JSONPath: unexpected '-'; a name with such characters is written in"
                        + " brackets: ['first-name'] at position 8");
    }

    @Test
    void selectedNodesKnowWhereTheyAre() {
        List<Node> nodes = JsonPath.parse("$..[?@.sku]").select(DOCUMENT);
        assertThat(nodes).extracting(Node::normalizedPath).containsExactly("$['items'][0]", "$['items'][1]");
        assertThat(JsonPath.parse("$['key with space']").select(DOCUMENT)).extracting(Node::shownPath)
                .containsExactly("$['key with space']");
        assertThat(JsonPath.parse("$.items[1].sku").select(DOCUMENT)).extracting(Node::shownPath)
                .containsExactly("$.items[1].sku");
    }

    @Test
    void descendantsOfTheDeepestDocumentJsonReadsAreFound() {
        int depth = 998; // the JSON parser refuses documents nested deeper than 1000
        JsonNode deep = parse("{\"a\":".repeat(depth) + "{\"x\":1}" + "}".repeat(depth));
        List<Node> found = JsonPath.parse("$..x").select(deep);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).normalizedPath()).hasSize(depth * "['a']".length() + "$['x']".length());
    }

    @Test
    void normalizedPathsEscapeNamesAsRfc9535Says() {
        JsonNode document = parse("{\"it's\":{\"back\\\\slash\":{\"tab\\there\":{\"\\u0001\":0}}}}");
        assertThat(JsonPath.parse("$..*").select(document)).extracting(Node::normalizedPath).containsExactly(
                "$['it\\'s']", "$['it\\'s']['back\\\\slash']", "$['it\\'s']['back\\\\slash']['tab\\there']",
                "$['it\\'s']['back\\\\slash']['tab\\there']['\\u0001']");
    }

    @Test
    void jsonNumbersKeepTheirExactValue() {
        assertThat(parse("{\"n\":0.1,\"big\":12345678901234567890}").toString())
                .isEqualTo("{\"n\":0.1,\"big\":12345678901234567890}");
    }
}
