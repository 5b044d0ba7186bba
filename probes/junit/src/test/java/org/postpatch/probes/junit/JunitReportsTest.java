package org.postpatch.probes.junit;

import org.postpatch.testkit.ProbeTestKit;
import org.postpatch.testkit.RenderedRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The tests a {@code junit} probe ran appear under that probe in the JSON and JUnit XML reports. */
class JunitReportsTest {

    @TempDir
    Path folder;

    private RenderedRun run;

    @BeforeEach
    void runTheFailingSmokeTests() {
        run = ProbeTestKit.in(folder).render("""
                suite: smoke
                probes:
                  - id: smoke-tests
                    junit: { packages: [org.postpatch.probes.junit.sample.failing], tags: [postpatch] }
                """);
    }

    @Test
    void jsonReportListsEachTestAsAPartOfTheProbe() throws Exception {
        JsonNode probe = new ObjectMapper().readTree(run.json()).get("probes").get(0);

        assertThat(probe.get("id").asText()).isEqualTo("smoke-tests");
        assertThat(probe.get("kind").asText()).isEqualTo("junit");
        assertThat(probe.get("status").asText()).isEqualTo("FAILED");
        List<JsonNode> parts = new ArrayList<>();
        probe.get("parts").forEach(parts::add);
        assertThat(parts).extracting(part -> part.get("name").asText(), part -> part.get("status").asText(),
                part -> part.get("message").asText()).containsExactly(
                tuple("OrderSmokeTest > cancelsAnOrder()", "FAILED", "IllegalStateException: order service unavailable"),
                tuple("OrderSmokeTest > createsAnOrder()", "FAILED", "[status of POST /api/orders] expected: 201 but was: 500"),
                tuple("OrderSmokeTest > readsAnOrder()", "PASSED", ""),
                tuple("OrderSmokeTest > refundsAnOrder()", "SKIPPED", "Assumption failed: refunds are off in this environment"));
    }

    @Test
    void junitXmlReportHasATestCaseForEachTestUnderTheProbe() throws Exception {
        Element suite = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(run.junitXml().getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagName("testsuite").item(0);
        NodeList cases = suite.getElementsByTagName("testcase");
        List<String> described = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            String outcome = testCase.getElementsByTagName("failure").getLength() > 0 ? "failure"
                    : testCase.getElementsByTagName("skipped").getLength() > 0 ? "skipped" : "passed";
            described.add(testCase.getAttribute("classname") + " | " + testCase.getAttribute("name") + " | " + outcome);
        }

        assertThat(described).containsExactly(
                "smoke | smoke-tests | failure",
                "smoke.smoke-tests | OrderSmokeTest > cancelsAnOrder() | failure",
                "smoke.smoke-tests | OrderSmokeTest > createsAnOrder() | failure",
                "smoke.smoke-tests | OrderSmokeTest > readsAnOrder() | passed",
                "smoke.smoke-tests | OrderSmokeTest > refundsAnOrder() | skipped");
        assertThat(suite.getAttribute("tests")).isEqualTo("5");
        assertThat(suite.getAttribute("failures")).isEqualTo("3");
    }

    @Test
    void consoleShowsTheProbesOneLineReason() {
        assertThat(run.console()).contains("smoke-tests").contains("2 of 4 tests failed: OrderSmokeTest > cancelsAnOrder()");
    }
}
