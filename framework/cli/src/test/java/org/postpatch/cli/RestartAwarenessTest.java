package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.testing.ProbeFiles;

/**
 * A target restarted by a patch is slow for its first requests. With the probe file a new user
 * writes first — the default timeout, a {@code within} budget, no retry, no warm-up tricks — a
 * no-op patch must not fail the verify: a late miss right after the start is measured again once
 * the target is warm, and only a miss that stays is judged.
 */
class RestartAwarenessTest {

    private static final Duration COLD = Duration.ofMillis(1500);
    private static final Duration WARM = Duration.ofMillis(10);

    @TempDir
    Path folder;

    private final Cli cli = new Cli();

    private static WarmingServer.Page[] pages() {
        return new WarmingServer.Page[] {WarmingServer.Page.of("/health", WARM), WarmingServer.Page.of("/catalog", WARM),
                WarmingServer.Page.of("/cart", WARM), WarmingServer.Page.of("/orders", WARM)};
    }

    @Test
    void fiveRestartsOfATargetSlowForItsFirstRequestsNeverFailAVerify() throws Exception {
        Path suite = new ProbeFiles(folder).write("shop.yaml", """
                suite: shop
                vars:
                  base: http://127.0.0.1:8080
                probes:
                  - id: health
                    http: { get: "${base}/health", expect: { status: 200 } }
                  - id: catalog
                    needs: [health]
                    http: { get: "${base}/catalog", expect: { status: 200, within: 1s } }
                  - id: cart
                    needs: [health]
                    http: { get: "${base}/cart", expect: { status: 200 } }
                  - id: orders
                    needs: [health]
                    http: { get: "${base}/orders", expect: { status: 200 } }
                """);
        String ledger = folder.resolve("ledger").toString();
        List<String> verdicts = new ArrayList<>();
        try (WarmingServer target = WarmingServer.start(COLD, 1, pages())) {
            String base = "base=" + target.base();
            warmUp(target);
            assertThat(cli.run("baseline", "--ledger", ledger, "--wait", "60s", "--var", base, suite.toString()))
                    .as(cli.out() + cli.err()).isZero();
            for (int restart = 1; restart <= 5; restart++) {
                target.restart(pages()); // the no-op patch: the same application, started again, cold
                Path json = folder.resolve("verify-" + restart + ".json");
                int code = cli.run("verify", "--ledger", ledger, "--wait", "60s", "--var", base, "--report", "json=" + json,
                        suite.toString());
                JsonNode report = new ObjectMapper().readTree(json.toFile());
                verdicts.add(restart + ": exit " + code + ", " + report.path("verdict").asText());
                assertThat(code).as(cli.out()).isZero();
                assertThat(report.path("verdict").asText()).as(cli.out()).isEqualTo("PASS");
                JsonNode catalog = probe(report, "catalog");
                assertThat(catalog.path("change").asText()).as(cli.out()).isEqualTo("SAME");
                assertThat(catalog.path("confirmation").asText()).isEqualTo("WARMED_UP");
                assertThat(catalog.path("samples").get(0).path("message").asText()).contains("over the 1s budget");
                assertThat(catalog.path("samples").get(0).path("late").asBoolean()).isTrue();
                assertThat(cli.out()).contains("catalog: missed its time right after the target started")
                        .contains("passed once the target was warm (catalog)");
            }
        }
        assertThat(verdicts).hasSize(5).allMatch(verdict -> verdict.endsWith("exit 0, PASS"));
    }

    /** Production traffic: a node baselined just before a patch has been serving for a while. */
    private static void warmUp(WarmingServer target) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (WarmingServer.Page page : pages()) {
            client.send(HttpRequest.newBuilder(URI.create(target.base() + page.path())).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    static JsonNode probe(JsonNode report, String id) {
        for (JsonNode probe : report.path("probes")) {
            if (probe.path("id").asText().equals(id)) {
                return probe;
            }
        }
        throw new AssertionError("no probe " + id + " in " + report);
    }
}
