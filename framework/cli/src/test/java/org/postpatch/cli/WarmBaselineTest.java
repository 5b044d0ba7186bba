package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.LedgerProbe;
import org.postpatch.ledger.LedgerRun;
import org.postpatch.ledger.Ledgers;
import org.postpatch.ledger.RunKind;
import org.postpatch.testing.ProbeFiles;

/**
 * A baseline taken from the command line right after the target started sees its first requests,
 * which are slow. Judged on those, a real slowdown after the patch would hide inside the tolerance;
 * judged on warm samples, it is caught — and the samples are on record.
 */
class WarmBaselineTest {

    private static final Duration COLD = Duration.ofMillis(700);
    private static final Duration WARM = Duration.ofMillis(20);

    @TempDir
    Path folder;

    private final Cli cli = new Cli();

    private static WarmingServer.Page[] pages(Duration products) {
        return new WarmingServer.Page[] {WarmingServer.Page.of("/health", Duration.ofMillis(2)),
                WarmingServer.Page.of("/products", products), WarmingServer.Page.of("/search", WARM),
                WarmingServer.Page.of("/account", WARM)};
    }

    @Test
    void aBaselineTakenOnAJustStartedTargetStillCatchesA20To600msSlowdown() throws Exception {
        Path suite = new ProbeFiles(folder).write("shop.yaml", """
                suite: shop
                vars:
                  base: http://127.0.0.1:8080
                probes:
                  - id: health
                    http: { get: "${base}/health", expect: { status: 200 } }
                  - id: products
                    needs: [health]
                    http: { get: "${base}/products", expect: { status: 200 } }
                  - id: search
                    needs: [health]
                    http: { get: "${base}/search", expect: { status: 200 } }
                  - id: account
                    needs: [health]
                    http: { get: "${base}/account", expect: { status: 200 } }
                """);
        String ledger = folder.resolve("ledger").toString();
        Path baselineJson = folder.resolve("baseline.json");
        Path verifyJson = folder.resolve("verify.json");
        try (WarmingServer target = WarmingServer.start(COLD, 1, pages(WARM))) {
            String base = "base=" + target.base();
            // Just started, as in a deploy script: no waiting, the first requests are the cold ones.
            assertThat(cli.run("baseline", "--ledger", ledger, "--var", base, "--report", "json=" + baselineJson,
                    suite.toString())).as(cli.out() + cli.err()).isZero();
            assertThat(cli.out()).contains("probe(s) again warm");

            target.restart(pages(Duration.ofMillis(600))); // the patch: /products slows from 20 ms to 600 ms
            assertThat(cli.run("verify", "--ledger", ledger, "--wait", "60s", "--var", base, "--report",
                    "json=" + verifyJson, suite.toString())).as(cli.out()).isZero();
        }

        JsonNode verify = new ObjectMapper().readTree(verifyJson.toFile());
        Map<String, String> changes = new LinkedHashMap<>();
        verify.path("probes").forEach(p -> changes.put(p.path("id").asText(), p.path("change").asText()));
        assertThat(changes).as(cli.out()).containsExactly(Map.entry("health", "SAME"), Map.entry("products", "SLOWER"),
                Map.entry("search", "SAME"), Map.entry("account", "SAME"));
        assertThat(verify.path("verdict").asText()).isEqualTo("WARN");
        assertThat(cli.out()).containsPattern("SLOWER +products +took \\d+ms, baseline \\d+ms");

        // The baseline's samples: the cold first one and the warm one it is judged on, in the report and the ledger.
        JsonNode products = RestartAwarenessTest.probe(new ObjectMapper().readTree(baselineJson.toFile()), "products");
        assertThat(products.path("samples")).hasSize(2);
        assertThat(products.path("samples").get(0).path("lastAttemptMs").asLong()).isGreaterThanOrEqualTo(COLD.toMillis());
        assertThat(products.path("lastAttemptMs").asLong()).isLessThan(COLD.toMillis())
                .isEqualTo(products.path("samples").get(1).path("lastAttemptMs").asLong());
        try (Ledger opened = Ledgers.open(ledger)) {
            LedgerRun baseline = opened.latest("shop", org.postpatch.engine.ExecutionSettings.hostName(),
                    Set.of(RunKind.BASELINE)).orElseThrow();
            LedgerProbe recorded = baseline.probes().stream().filter(p -> p.id().equals("products")).findFirst().orElseThrow();
            assertThat(recorded.samples()).hasSize(2);
            assertThat(recorded.lastAttemptMs()).isLessThan(COLD.toMillis());
        }
    }
}
