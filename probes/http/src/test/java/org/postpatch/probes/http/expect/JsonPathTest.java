package org.postpatch.probes.http.expect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

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
        assertThatThrownBy(() -> JsonPath.parse("$.a..b")).hasMessage(
                "'$.a..b' is not a JSONPath: a name is missing after '.' at position 4");
        assertThatThrownBy(() -> JsonPath.parse("$.a[x]")).hasMessage(
                "'$.a[x]' is not a JSONPath: expected [number], [*] or ['name'] but found [x] at position 4");
        assertThatThrownBy(() -> JsonPath.parse("$['a")).hasMessage(
                "'$['a' is not a JSONPath: unclosed ['... at position 2");
    }

    @Test
    void jsonNumbersKeepTheirExactValue() {
        assertThat(parse("{\"n\":0.1,\"big\":12345678901234567890}").toString())
                .isEqualTo("{\"n\":0.1,\"big\":12345678901234567890}");
    }
}
