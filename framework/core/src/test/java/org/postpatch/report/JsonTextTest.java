package org.postpatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.result.RunResult;
import org.postpatch.run.Runner;
import org.postpatch.secret.Redactor;
import org.postpatch.testing.ProbeFiles;

/**
 * The JSON report and the ledger's JSON are written without Jackson's mapper; what they write must be
 * what the mapper wrote, byte for byte, so that nothing a reader or a script sees changes.
 */
class JsonTextTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper INDENTING = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @TempDir
    Path folder;

    /** A record a custom probe kind might put in its details: only a mapper knows how to convert it. */
    record Measured(String what, double seconds, List<Integer> tries) {
    }

    @Test
    void theJsonReportOfARealRunIsWhatTheMapperWroteByteForByte() throws Exception {
        ProbeFiles files = new ProbeFiles(folder).withEnvironment(Map.of("API_TOKEN", "canary-s3cr3t-7f1d"));
        Path file = files.write("mixed.yaml", """
                suite: mixed
                vars:
                  token: ${secret:API_TOKEN}
                probes:
                  - id: zeta-first
                    pass: { message: "déclaré en premier — ✓ \\"quoted\\" \\\\ back" }
                  - id: alpha-second
                    fail: { message: "expected 200 but was 500 (token ${token}) <&> \\u0001 \\t tab" }
                  - id: blocked-third
                    needs: [alpha-second]
                    pass: {}
                  - id: warning-fourth
                    severity: warning
                    fail: { message: "disk 91% full" }
                """);
        RunResult run = files.run(Runner.builder().redactor(new Redactor()).target("node-1"), file);
        RunReport report = RunReport.of(run, new Redactor());

        assertThat(Reports.JSON.render(report)).isEqualTo(INDENTING.writeValueAsString(report.document()) + "\n");
    }

    @Test
    void everyKindOfNodeIsWrittenAsTheMapperWritesItIndentedAndInOneLine() throws Exception {
        JsonNode document = MAPPER.readTree("""
                {"text": "a \\"b\\" \\\\ c\\n\\u0001 é ✓ \\ud83d\\ude00", "int": -7, "long": 12345678901234,
                 "big": 123456789012345678901234567890, "double": 1.5e300, "small": -0.000125, "true": true,
                 "false": false, "null": null, "emptyObject": {}, "emptyArray": [],
                 "nested": {"list": [1, "two", [3, {"four": 4}], {}, [], null], "deeper": {"a": {"b": {"c": []}}}}}
                """);
        document = ((com.fasterxml.jackson.databind.node.ObjectNode) document).set("binary",
                MAPPER.getNodeFactory().binaryNode(new byte[] {0, 1, 2, (byte) 255}));

        assertThat(JsonText.indented(document)).isEqualTo(INDENTING.writeValueAsString(document));
        assertThat(JsonText.compact(document)).isEqualTo(MAPPER.writeValueAsString(document))
                .isEqualTo(document.toString());
        assertThat(Reports.JSON.render(RunReport.recorded(document)))
                .isEqualTo(INDENTING.writeValueAsString(document) + "\n");
    }

    @Test
    void textIsReadIntoTheTreeTheMapperReadsAndBadTextIsRefused() throws Exception {
        String text = """
                {"text": "a \\"b\\" \\u0001 é ✓", "int": -7, "long": 12345678901234,
                 "big": 123456789012345678901234567890, "double": 1.5e300, "small": -0.000125, "true": true,
                 "false": false, "null": null, "emptyObject": {}, "emptyArray": [],
                 "nested": {"list": [1, "two", [3, {"four": 4}], {}, [], null]}}
                """;

        JsonNode read = JsonText.parse(text);

        assertThat(read).isEqualTo(MAPPER.readTree(text));
        assertThat(JsonText.compact(read)).isEqualTo(MAPPER.writeValueAsString(MAPPER.readTree(text)));
        for (String bad : List.of("", "{\"a\": ", "[1, 2", "{} {}", "nope")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonText.parse(bad)).as(bad)
                    .isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void valuesBecomeTheTreesTheMapperMakesOfThem() throws Exception {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", 200);
        details.put("bytes", 5_000_000_000L);
        details.put("seconds", 0.25);
        details.put("ok", true);
        details.put("none", null);
        details.put("url", "http://127.0.0.1:8080/a?b=c&d=é");
        details.put("differences", List.of(Map.of("path", "$.sku", "was", "A-1"), Map.of("path", "$.qty", "was", 2)));
        details.put("labels", new LinkedHashSet<>(List.of("timestamp", "uuid")));
        details.put("mixed", new ArrayList<>(Arrays.asList(1, null, "x", List.of(), Map.of())));
        details.put("byNumber", Map.of(1, "one"));
        details.put("measured", new Measured("login", 0.5, List.of(1, 2)));
        details.put("short", (short) 3);
        details.put("float", 1.25f);
        details.put("decimal", new BigDecimal("10.50"));
        details.put("huge", new BigInteger("123456789012345678901234567890"));
        details.put("array", new int[] {1, 2});
        details.put("enum", Thread.State.RUNNABLE);

        for (Map.Entry<String, Object> detail : details.entrySet()) {
            assertThat(JsonText.compact(JsonText.tree(detail.getValue()))).as(detail.getKey())
                    .isEqualTo(MAPPER.writeValueAsString(MAPPER.valueToTree(detail.getValue()) == null
                            ? MAPPER.nullNode() : MAPPER.valueToTree(detail.getValue())));
        }
        assertThat(JsonText.indented(JsonText.tree(details)))
                .isEqualTo(INDENTING.writeValueAsString(MAPPER.valueToTree(details)));
    }
}
