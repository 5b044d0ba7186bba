package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.LedgerProbe;
import org.postpatch.ledger.LedgerRun;
import org.postpatch.ledger.Ledgers;
import org.postpatch.ledger.RunKind;
import org.postpatch.testing.ProbeFiles;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * One broken probe that eight others need is one cause, not nine: the eight are BLOCKED, counted
 * under it, alike in the console, the JSON, the JUnit XML, the HTML report and the ledger.
 */
class RootCauseTest {

    private static final List<String> PAGES = List.of("products", "search", "cart", "checkout", "account", "orders",
            "wishlist", "reviews");

    @TempDir
    Path folder;

    private final Cli cli = new Cli();

    private static WarmingServer.Page[] pages(int healthStatus) {
        List<WarmingServer.Page> pages = new ArrayList<>();
        pages.add(WarmingServer.Page.of("/health", Duration.ZERO).answering(healthStatus));
        PAGES.forEach(page -> pages.add(WarmingServer.Page.of("/" + page, Duration.ZERO)));
        return pages.toArray(WarmingServer.Page[]::new);
    }

    @Test
    void aBrokenProbeThatEightOthersNeedIsOneRegressionWithEightBlockedInEveryOutput() throws Exception {
        StringBuilder file = new StringBuilder("""
                suite: shop
                vars:
                  base: http://127.0.0.1:8080
                probes:
                  - id: health
                    http: { get: "${base}/health", expect: { status: 200 } }
                """);
        PAGES.forEach(page -> file.append("""
                  - id: %s
                    needs: [health]
                    http: { get: "${base}/%s", expect: { status: 200 } }
                """.formatted(page, page)));
        Path suite = new ProbeFiles(folder).write("shop.yaml", file.toString());
        String ledger = folder.resolve("ledger").toString();
        Path json = folder.resolve("verify.json");
        Path junit = folder.resolve("verify.xml");
        Path html = folder.resolve("verify.html");
        try (WarmingServer target = WarmingServer.start(Duration.ZERO, 0, pages(200))) {
            String base = "base=" + target.base();
            assertThat(cli.run("baseline", "--ledger", ledger, "--target", "shop-1", "--var", base, suite.toString()))
                    .as(cli.out()).isZero();
            target.restart(pages(404)); // the patch hides the health endpoint
            assertThat(cli.run("verify", "--ledger", ledger, "--target", "shop-1", "--var", base, "--report", "json=" + json,
                    "--report", "junit=" + junit, "--report", "html=" + html, suite.toString())).as(cli.out()).isEqualTo(1);
        }

        assertThat(cli.out()).contains("FAIL  shop: 1 regressed (8 blocked by it), 0 fixed")
                .containsPattern("REGRESSED +health +expected status 200 but was 404")
                .containsPattern("BLOCKED +checkout +blocked by health \\(REGRESSED\\)");

        JsonNode report = new ObjectMapper().readTree(json.toFile());
        Map<String, String> changes = new LinkedHashMap<>();
        report.path("probes").forEach(p -> changes.put(p.path("id").asText(), p.path("change").asText()));
        assertThat(changes.values().stream().filter("REGRESSED"::equals)).hasSize(1);
        assertThat(changes).containsEntry("health", "REGRESSED");
        assertThat(changes.values().stream().filter("BLOCKED"::equals)).hasSize(8);
        assertThat(report.path("comparison").path("summary").asText()).startsWith("1 regressed (8 blocked by it)");
        assertThat(report.path("comparison").path("counts").path("REGRESSED").asInt()).isEqualTo(1);
        assertThat(report.path("comparison").path("counts").path("BLOCKED").asInt()).isEqualTo(8);
        assertThat(report.path("verdict").asText()).isEqualTo("FAIL");

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(Files.readString(junit))));
        NodeList cases = xml.getElementsByTagName("testcase");
        List<String> failures = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            if (testCase.getElementsByTagName("failure").getLength() > 0) {
                failures.add(testCase.getAttribute("name"));
            }
            NodeList skip = testCase.getElementsByTagName("skipped");
            if (skip.getLength() > 0) {
                skipped.add(((Element) skip.item(0)).getAttribute("message"));
            }
        }
        assertThat(failures).containsExactly("health");
        assertThat(skipped).hasSize(8).allMatch(message -> message.startsWith("BLOCKED (passed in baseline ")
                && message.contains("blocked by health (REGRESSED)"));
        assertThat(Files.readString(junit)).contains("name=\"postpatch.changes\" value=\"1 regressed (8 blocked by it)");

        assertThat(Files.readString(html)).contains("1 regressed (8 blocked by it)");

        try (Ledger opened = Ledgers.open(ledger)) {
            LedgerRun verify = opened.latest("shop", "shop-1", java.util.Set.of(RunKind.VERIFY)).orElseThrow();
            assertThat(verify.probes().stream().map(LedgerProbe::change).filter("REGRESSED"::equals)).hasSize(1);
            assertThat(verify.probes().stream().map(LedgerProbe::change).filter("BLOCKED"::equals)).hasSize(8);
        }
        assertThat(cli.run("history", "--ledger", ledger)).isZero();
        assertThat(cli.out()).contains("1 regressed (8 blocked by it), 0 fixed, 0 still failing")
                .contains("1 failing patch caught, 1 regression caught");
    }
}
