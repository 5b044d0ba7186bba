package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.LedgerProbe;
import org.postpatch.ledger.LedgerRun;
import org.postpatch.ledger.Ledgers;
import org.postpatch.ledger.RunKind;
import org.postpatch.result.Verdict;
import org.postpatch.testing.ProbeFiles;

/**
 * A failure is run again before it is believed: one that does not reproduce is FLAKY (reported,
 * WARN, recorded with its samples, counted in the flake rate), one that does is REGRESSED.
 */
class FlakyTest {

    private static final Duration WARM = Duration.ofMillis(5);

    @TempDir
    Path folder;

    private final Cli cli = new Cli();

    private static WarmingServer.Page[] pages(WarmingServer.Page stock) {
        return new WarmingServer.Page[] {WarmingServer.Page.of("/health", WARM), stock};
    }

    @Test
    void anEndpointFailingOneRequestInThreeIsFlakyNeverRegressedAndOneAlwaysFailingIsRegressed() throws Exception {
        Path suite = new ProbeFiles(folder).write("shop.yaml", """
                suite: shop
                vars:
                  base: http://127.0.0.1:8080
                probes:
                  - id: health
                    http: { get: "${base}/health", expect: { status: 200 } }
                  - id: stock
                    needs: [health]
                    http: { get: "${base}/stock", expect: { status: 200 } }
                """);
        String ledger = folder.resolve("ledger").toString();
        // Requests 2, 5, 8, ... to /stock answer 503: one in three, on a fixed (seeded) pattern.
        WarmingServer.Page flaky = WarmingServer.Page.of("/stock", WARM).failingOneIn(3, 1);
        List<String> changes = new ArrayList<>();
        JsonNode aFlakyVerify = null;
        try (WarmingServer target = WarmingServer.start(WARM, 0, pages(flaky))) {
            String base = "base=" + target.base();
            assertThat(cli.run("baseline", "--ledger", ledger, "--var", base, suite.toString())).as(cli.out()).isZero();
            for (int run = 1; run <= 6; run++) {
                Path json = folder.resolve("verify-" + run + ".json");
                int code = cli.run("verify", "--ledger", ledger, "--var", base, "--report", "json=" + json, suite.toString());
                JsonNode report = new ObjectMapper().readTree(json.toFile());
                String change = RestartAwarenessTest.probe(report, "stock").path("change").asText();
                changes.add(change);
                assertThat(code).as(cli.out()).isZero();
                if (change.equals("FLAKY")) {
                    aFlakyVerify = report;
                    assertThat(report.path("verdict").asText()).isEqualTo("WARN");
                    assertThat(cli.out()).containsPattern("FLAKY +stock +failed \\(expected status 200 but was 503")
                            .contains("passed when run again").contains("WARN  shop: 0 regressed, 1 flaky, 0 fixed");
                }
            }
            assertThat(changes).as("six verifies").doesNotContain("REGRESSED").containsOnly("FLAKY", "SAME")
                    .containsExactly("FLAKY", "SAME", "FLAKY", "SAME", "FLAKY", "SAME");
            JsonNode stock = RestartAwarenessTest.probe(aFlakyVerify, "stock");
            assertThat(stock.path("status").asText()).isEqualTo("PASSED");
            assertThat(stock.path("confirmation").asText()).isEqualTo("FLAKED");
            assertThat(stock.path("samples")).hasSize(2);
            assertThat(stock.path("samples").get(0).path("status").asText()).isEqualTo("FAILED");
            assertThat(stock.path("samples").get(0).path("message").asText()).contains("expected status 200 but was 503");
            assertThat(stock.path("samples").get(1).path("status").asText()).isEqualTo("PASSED");

            assertThat(cli.run("history", "--ledger", ledger)).isZero();
            assertThat(cli.out()).contains("Flaky probes (failed, then passed when run again)")
                    .contains("shop on " + org.postpatch.engine.ExecutionSettings.hostName() + ": stock flaked in 3 of 7 runs (43%)");

            // The patch that really breaks it: it fails again when run again.
            target.restart(pages(WarmingServer.Page.of("/stock", WARM).answering(500)));
            Path json = folder.resolve("verify-broken.json");
            assertThat(cli.run("verify", "--ledger", ledger, "--var", base, "--report", "json=" + json, suite.toString()))
                    .as(cli.out()).isEqualTo(1);
            JsonNode broken = RestartAwarenessTest.probe(new ObjectMapper().readTree(json.toFile()), "stock");
            assertThat(broken.path("change").asText()).isEqualTo("REGRESSED");
            assertThat(broken.path("confirmation").asText()).isEqualTo("REPRODUCED");
            assertThat(broken.path("samples")).hasSize(2);
            assertThat(cli.out()).containsPattern("REGRESSED +stock +expected status 200 but was 500")
                    .contains("(failed again when run again)").contains("FAIL  shop: 1 regressed, 0 fixed");
        }

        try (Ledger opened = Ledgers.open(ledger)) {
            List<LedgerRun> verifies = opened.history("shop", null, 20).stream()
                    .filter(run -> run.kind() == RunKind.VERIFY).toList();
            LedgerProbe flakyOnRecord = verifies.stream().flatMap(run -> run.probes().stream())
                    .filter(p -> p.id().equals("stock") && "FLAKY".equals(p.change())).findFirst().orElseThrow();
            assertThat(flakyOnRecord.confirmation()).isEqualTo("FLAKED");
            assertThat(flakyOnRecord.samples()).hasSize(2);
            assertThat(flakyOnRecord.samples().get(0).message()).contains("503");
            assertThat(verifies.stream().flatMap(run -> run.probes().stream()).filter(p -> "REGRESSED".equals(p.change())))
                    .hasSize(1);
            assertThat(verifies.get(0).verdict()).isEqualTo(Verdict.FAIL);
        }
    }
}
