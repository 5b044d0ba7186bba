package org.postpatch.cli.init;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The YAML init writes reads back as the tree it was written from, with quotes only where YAML needs them. */
class YamlTest {

    /** Texts YAML 1.1 (SnakeYAML, which the probe loader uses) would read as something else, or not at all. */
    private static final List<String> TRICKY = List.of("yes", "No", "ON", "off", "y", "null", "~", "true", "123", "0x1F",
            "1:20", "2026-12-05", ".5", "-", "- item", "a: b", "ends:", "# not a comment", "x #y", "[list]", "{map}", "a, b",
            "&anchor", "*alias", "!tag", "%directive", "@at", "`tick`", "'single'", "\"double\"", "|", ">", "?", "", " lead",
            "trail ", "line\nbreak", "tab\there", "back\\slash", "café", "${base}/x", "$${literal}", "$.status", "*/*");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyTrickyTextReadsBackAsWrittenAsAValueAKeyAndAListItem() throws IOException {
        ObjectNode tree = JSON.createObjectNode();
        ObjectNode values = tree.putObject("values");
        ArrayNode items = tree.putArray("items");
        ObjectNode keys = tree.putObject("keys");
        for (int n = 0; n < TRICKY.size(); n++) {
            values.put("v" + n, TRICKY.get(n));
            items.add(TRICKY.get(n));
            if (!TRICKY.get(n).isEmpty()) {
                keys.put(TRICKY.get(n), n);
            }
        }
        ObjectNode flow = tree.putObject("flow");
        flow.putArray("short").add("a, b").add("{x}").add("yes");

        assertThat(readBack(tree)).isEqualTo(tree);
    }

    @Test
    void plainTextStaysUnquotedAndSmallMapsStayOnOneLine() {
        ObjectNode http = JSON.createObjectNode().put("get", "${base}/actuator/health/readiness");
        ObjectNode expect = http.putObject("expect").put("status", 200);
        expect.putObject("json").put("$.status", "UP");

        StringBuilder yaml = new StringBuilder();
        Yaml.block(yaml, 0, http);

        assertThat(yaml).hasToString("get: ${base}/actuator/health/readiness\nexpect: { status: 200, json: { $.status: UP } }\n");
    }

    @Test
    void deepOrLongMapsAreWrittenAsBlocks() throws IOException {
        JsonNode schema = JSON.readTree("""
                {"type":"array","items":{"type":"object","required":["id","sku"],"properties":{
                  "id":{"type":"string","format":"uuid"},"status":{"enum":["NEW","CONFIRMED","SHIPPED","CANCELLED"]},
                  "lines":{"type":"array","items":{"type":"object","properties":{"qty":{"type":"integer"}}}}}}}""");

        StringBuilder yaml = new StringBuilder();
        Yaml.block(yaml, 0, schema);

        assertThat(yaml).hasToString("""
                type: array
                items:
                  type: object
                  required: [id, sku]
                  properties:
                    id: { type: string, format: uuid }
                    status: { enum: [NEW, CONFIRMED, SHIPPED, CANCELLED] }
                    lines:
                      type: array
                      items:
                        type: object
                        properties: { qty: { type: integer } }
                """);
        assertThat(readBack(schema)).isEqualTo(schema);
    }

    private static JsonNode readBack(JsonNode tree) throws IOException {
        StringBuilder yaml = new StringBuilder();
        Yaml.block(yaml, 0, tree);
        return YAML.readTree(yaml.toString());
    }
}
