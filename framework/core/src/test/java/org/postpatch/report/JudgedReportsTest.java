package org.postpatch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.compare.Baseline;
import org.postpatch.compare.Criteria;
import org.postpatch.compare.Plan;
import org.postpatch.compare.Recheck;
import org.postpatch.model.Suite;
import org.postpatch.result.Fingerprint;
import org.postpatch.run.Runner;
import org.postpatch.secret.Redactor;
import org.postpatch.testing.ProbeFiles;

/**
 * The reports of a run judged against its baseline after running failures again — one REGRESSED,
 * two BLOCKED under it, one FLAKY — agree, and still load where they are read: the JSON against
 * the published schema, the JUnit XML against the Jenkins schema.
 */
class JudgedReportsTest {

    @TempDir
    Path folder;

    private final Redactor redactor = new Redactor();
    private Recheck.Rechecked judged;

    @BeforeEach
    void judgeARunWithARegressionTwoProbesItBlocksAndAFlake() {
        ProbeFiles files = new ProbeFiles(folder);
        List<Suite> suites = files.load(files.write("probes.yaml", """
                suite: shop
                probes:
                  - id: health
                    fail: { message: "expected status 200 but was 404" }
                  - id: cart
                    needs: [health]
                    pass: {}
                  - id: orders
                    needs: [health]
                    pass: {}
                  - id: stock
                    flaky: { key: "%s/stock", passOnAttempt: 2 }
                """.formatted(folder)));
        Fingerprint fingerprint = new Fingerprint(Map.of("os.version", "6.1"));
        Runner.Builder runner = Runner.builder().attachments(folder.resolve("attachments")).fingerprint(fingerprint)
                .redactor(redactor);
        Baseline baseline = new Baseline("b1", Instant.now().minusSeconds(60), fingerprint, Map.of("shop",
                suites.get(0).probes().stream().map(p -> new Baseline.Probe(p.id(), "PASSED", 5)).toList()));
        judged = Recheck.of(baseline, runner.build().run(suites), suites,
                new Plan(Criteria.of(suites), false, Duration.ofMillis(20), null),
                (subset, timeLeft) -> runner.build().run(subset));
    }

    @Test
    void theJsonReportCountsRootCausesAndCarriesTheSamplesWithinThePublishedSchema() throws Exception {
        String json = Reports.JSON.render(RunReport.of(judged.result(), judged.comparison(), redactor));
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(Path.of("../../docs/report.schema.json")));
        assertThat(schema.validate(new ObjectMapper().readTree(json))).isEmpty();

        JsonNode report = new ObjectMapper().readTree(json);
        assertThat(report.path("comparison").path("summary").asText())
                .isEqualTo("1 regressed (2 blocked by it), 1 flaky, 0 fixed, 0 still failing, 0 new, 0 removed, 0 slower, 0 same");
        assertThat(report.path("probes").get(0).path("change").asText()).isEqualTo("REGRESSED");
        assertThat(report.path("probes").get(0).path("confirmation").asText()).isEqualTo("REPRODUCED");
        assertThat(report.path("probes").get(0).path("samples")).hasSize(2);
        assertThat(report.path("probes").get(1).path("change").asText()).isEqualTo("BLOCKED");
        assertThat(report.path("probes").get(3).path("change").asText()).isEqualTo("FLAKY");
        assertThat(report.path("verdict").asText()).isEqualTo("FAIL");
    }

    @Test
    void theJunitXmlFailsOnlyTheRootCauseAndStillMatchesTheJenkinsSchema() throws Exception {
        String xml = Reports.JUNIT.render(RunReport.of(judged.result(), judged.comparison(), redactor));
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/xsd/junit.xsd"))
                .newValidator()
                .validate(new StreamSource(new StringReader(xml)));
        assertThat(xml).contains("failures=\"1\"")
                .contains("message=\"REGRESSED (passed in baseline b1): expected status 200 but was 404\"")
                .contains("message=\"BLOCKED (passed in baseline b1; blocked by health (REGRESSED))")
                .contains("FLAKY: failed (not yet (attempt 1)), passed when run again")
                .contains("name=\"postpatch.changes\" value=\"1 regressed (2 blocked by it), 1 flaky");
    }

    @Test
    void theHtmlReportAndTheConsoleSayTheSame() {
        String html = Reports.HTML.render(RunReport.of(judged.result(), judged.comparison(), redactor));
        assertThat(html).contains("1 regressed (2 blocked by it), 1 flaky").contains("<td class=\"change\">FLAKY</td>")
                .contains("run 2 times: FAILED");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ConsoleReport(new PrintStream(bytes, true, StandardCharsets.UTF_8), redactor, false)
                .summary(judged.result(), judged.comparison());
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .containsPattern("REGRESSED +health +expected status 200 but was 404 \\(failed again when run again\\)")
                .containsPattern("BLOCKED +cart +blocked by health \\(REGRESSED\\)")
                .containsPattern("FLAKY +stock +failed \\(not yet \\(attempt 1\\)\\), passed when run again")
                .contains("FAIL  shop: 1 regressed (2 blocked by it), 1 flaky, 0 fixed");
    }

    @Test
    void aRunReadBackFromItsJsonRendersAsItDidWhenFresh() throws Exception {
        Instant at = Instant.parse("2026-03-01T10:05:00Z");
        RunReport fresh = RunReport.of(judged.result(), judged.comparison(), redactor).renderedAt(at);
        RunReport recorded = RunReport.recorded(new ObjectMapper().readTree(Reports.JSON.render(fresh))).renderedAt(at);

        for (Report format : List.of(Reports.JSON, Reports.HTML, Reports.PROMETHEUS)) {
            assertThat(format.render(recorded)).as(format.name()).isEqualTo(format.render(fresh));
        }
        assertThat(recorded.runVerdict()).isEqualTo(judged.result().verdict());
        assertThatThrownBy(() -> Reports.JUNIT.render(recorded)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not from a recorded run");
    }
}
