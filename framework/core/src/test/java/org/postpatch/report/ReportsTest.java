package org.postpatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.model.Suite;
import org.postpatch.result.RunResult;
import org.postpatch.run.Runner;
import org.postpatch.secret.Redactor;
import org.postpatch.testing.ProbeFiles;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportsTest {

    private static final String CANARY = "canary-s3cr3t-7f1d";

    @TempDir
    Path folder;

    private RunResult run;
    private final Redactor redactor = new Redactor();

    @BeforeEach
    void runAMixedSuite() {
        ProbeFiles files = new ProbeFiles(folder).withEnvironment(Map.of("API_TOKEN", CANARY));
        Path file = files.write("mixed.yaml", """
                suite: mixed
                vars:
                  token: ${secret:API_TOKEN}
                probes:
                  - id: zeta-first
                    pass: { message: "declared first" }
                  - id: alpha-second
                    fail: { message: "expected 200 but was 500 (token ${token}) <&> \\u0001" }
                  - id: blocked-third
                    needs: [alpha-second]
                    pass: {}
                  - id: warning-fourth
                    severity: warning
                    fail: { message: "disk 91% full" }
                """);
        run = files.run(Runner.builder().redactor(redactor).target("node-1"), file);
    }

    @Test
    void jsonReportValidatesAgainstThePublishedSchema() throws Exception {
        String json = Reports.JSON.render(RunReport.of(run, redactor));
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(Path.of("../../docs/report.schema.json")));
        List<Error> errors = schema.validate(new ObjectMapper().readTree(json));
        assertThat(errors).isEmpty();

        JsonNode report = new ObjectMapper().readTree(json);
        assertThat(report.get("suite").asText()).isEqualTo("mixed");
        assertThat(report.get("target").asText()).isEqualTo("node-1");
        assertThat(report.get("verdict").asText()).isEqualTo("FAIL");
        List<String> ids = new ArrayList<>();
        report.get("probes").forEach(p -> ids.add(p.get("id").asText()));
        assertThat(ids).containsExactly("zeta-first", "alpha-second", "blocked-third", "warning-fourth");
        assertThat(report.get("probes").get(2).get("status").asText()).isEqualTo("BLOCKED");
        assertThat(report.get("probes").get(2).get("blockedBy").get(0).asText()).isEqualTo("alpha-second");
        assertThat(json).doesNotContain(CANARY).contains("(token ****)");
    }

    @Test
    void junitXmlHasOneTestCasePerProbeInDeclaredOrderAndMatchesTheJenkinsSchema() throws Exception {
        String xml = Reports.JUNIT.render(RunReport.of(run, redactor));
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/xsd/junit.xsd"))
                .newValidator()
                .validate(new StreamSource(new StringReader(xml)));

        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new StringReader(xml)));
        NodeList cases = document.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            names.add(((Element) cases.item(i)).getAttribute("name"));
        }
        assertThat(names).containsExactly("zeta-first", "alpha-second", "blocked-third", "warning-fourth");
        Element suite = (Element) document.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        Element failure = (Element) ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("expected 200 but was 500 (token ****) <&> ");
        assertThat(((Element) cases.item(2)).getElementsByTagName("skipped").item(0).getAttributes()
                .getNamedItem("message").getNodeValue()).isEqualTo("blocked: needs 'alpha-second', which did not pass");
        assertThat(xml).doesNotContain(CANARY).doesNotContain("java.class.path").doesNotContain("user.dir");
    }

    @Test
    void reportsAreWrittenAtomicallyIntoNewFolders() throws Exception {
        Path target = folder.resolve("out/deeper/report.json");
        Reports.JSON.write(RunReport.of(run, redactor), target);
        Reports.JSON.write(RunReport.of(run, redactor), target);
        assertThat(target).exists();
        assertThat(new ObjectMapper().readTree(target.toFile()).get("verdict").asText()).isEqualTo("FAIL");
        try (var left = Files.list(target.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("report.json");
        }
    }

    @Test
    void consoleShowsOneLinePerProbeAndTheVerdictWithoutColourWhenNotAsked() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleReport console = new ConsoleReport(new PrintStream(bytes, true, StandardCharsets.UTF_8), redactor, false);
        run.probes().forEach(console::probeFinished);
        console.summary(run);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text.lines().filter(line -> line.startsWith("  "))).hasSize(4);
        assertThat(text).contains("FAILED   alpha-second").contains("BLOCKED  blocked-third")
                .contains("WARNING  warning-fourth").contains("blocked: needs 'alpha-second', which did not pass")
                .contains("FAIL  mixed: 1 passed, 2 failed, 1 blocked, 0 skipped in ")
                .doesNotContain("\u001b[").doesNotContain(CANARY);
    }

    @Test
    void consoleHeaderCountsOneProbeInTheSingular() {
        ProbeFiles files = new ProbeFiles(folder);
        Suite single = files.load(files.write("single.yaml", """
                suite: single
                probes:
                  - id: only
                    pass: {}
                """)).get(0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ConsoleReport(new PrintStream(bytes, true, StandardCharsets.UTF_8), redactor, false).suiteStarted(single);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("suite single  (1 probe, ").doesNotContain("probes");
        bytes.reset();
        new ConsoleReport(new PrintStream(bytes, true, StandardCharsets.UTF_8), redactor, false)
                .suiteStarted(files.load(files.write("pair.yaml", """
                        suite: pair
                        probes:
                          - id: one
                            pass: {}
                          - id: two
                            pass: {}
                        """)).get(0));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("suite pair  (2 probes, ");
    }

    @Test
    void junitXmlTimestampKeepsItsSecondsWhenTheyAreZero() {
        // The schema's xs:dateTime needs the seconds; a run started on the minute once lost them.
        assertThat(JunitXmlReport.timestamp(java.time.Instant.parse("2026-12-06T02:26:00.400Z")))
                .isEqualTo("2026-12-06T02:26:00");
        assertThat(JunitXmlReport.timestamp(java.time.Instant.parse("2026-12-06T02:26:07Z")))
                .isEqualTo("2026-12-06T02:26:07");
    }
}
