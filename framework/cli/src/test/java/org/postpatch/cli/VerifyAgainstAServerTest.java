package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.testing.ProbeFiles;

/** baseline and verify against a real HTTP service whose behaviour changes between two versions. */
class VerifyAgainstAServerTest {

    private static final String SUITE = """
            suite: orders
            vars:
              base: http://127.0.0.1:8080
            probes:
              - id: health
                http: { get: "${base}/health", expect: { status: 200 } }
              - id: list-orders
                http: { get: "${base}/api/orders", expect: { status: 200 } }
              - id: report
                http: { get: "${base}/api/report", expect: { status: 200 } }
              - id: legacy
                http: { get: "${base}/api/legacy", expect: { status: 200 } }
              - id: search
                http: { get: "${base}/api/search", expect: { status: 200 } }
            """;

    @TempDir
    Path folder;

    private final Cli cli = new Cli();

    @Test
    void verifyClassifiesRegressedFixedStillFailingSlowerAndNew() throws Exception {
        ProbeFiles files = new ProbeFiles(folder);
        Path before = files.write("before/orders.yaml", SUITE);
        Path after = files.write("after/orders.yaml", SUITE + """
                  - id: export
                    http: { get: "${base}/api/export", expect: { status: 200 } }
                """);
        String ledger = folder.resolve("ledger").toString();
        int port;
        try (OrdersServer v1 = OrdersServer.start(1, 0)) {
            port = v1.port();
            assertThat(cli.run("baseline", "--ledger", ledger, "--target", "orders-1", "--var", "base=http://127.0.0.1:" + port,
                    before.toString())).as(cli.out() + cli.err()).isZero();
        }
        Path json = folder.resolve("verify.json");
        Path junit = folder.resolve("verify.xml");
        try (OrdersServer v2 = OrdersServer.start(2, port)) {
            assertThat(cli.run("verify", "--ledger", ledger, "--target", "orders-1", "--var", "base=http://127.0.0.1:" + port,
                    "--report", "json=" + json, "--report", "junit=" + junit, after.toString())).isEqualTo(1);
        }
        String console = cli.out();
        assertThat(console).contains("REGRESSED      list-orders  expected status 200 but was 500")
                .contains("FIXED          report")
                .contains("STILL_FAILING  legacy       (already FAILED before the patch) expected status 200 but was 404")
                .contains("NEW            export")
                .containsPattern("SLOWER         search       took \\d+ms, baseline \\d+ms, tolerance \\d+ms")
                .contains("FAIL  orders: 1 regressed, 1 fixed, 1 still failing, 1 new, 0 removed, 1 slower, 1 same");
        assertThat(console.indexOf("REGRESSED")).isLessThan(console.indexOf("FIXED"));

        JsonNode report = new ObjectMapper().readTree(json.toFile());
        Map<String, String> changes = new LinkedHashMap<>();
        report.path("probes").forEach(p -> changes.put(p.path("id").asText(), p.path("change").asText()));
        assertThat(changes).containsExactly(Map.entry("health", "SAME"), Map.entry("list-orders", "REGRESSED"),
                Map.entry("report", "FIXED"), Map.entry("legacy", "STILL_FAILING"), Map.entry("search", "SLOWER"),
                Map.entry("export", "NEW"));
        assertThat(report.path("verdict").asText()).isEqualTo("FAIL");

        String xml = Files.readString(junit);
        assertThat(xml).contains("message=\"REGRESSED (passed in baseline ")
                .contains("): expected status 200 but was 500")
                .contains("message=\"STILL FAILING (already FAILED in baseline ");
    }

    @Test
    void thirtyVerifiesOfAnUnchangedServerRaiseNoFalseAlarm() throws Exception {
        Path suite = new ProbeFiles(folder).write("orders.yaml", SUITE);
        String ledger = folder.resolve("ledger").toString();
        try (OrdersServer server = OrdersServer.start(1, 0)) {
            String base = "base=http://127.0.0.1:" + server.port();
            assertThat(cli.run("baseline", "--ledger", ledger, "--var", base, suite.toString())).isZero();
            Map<String, Integer> alarms = new LinkedHashMap<>();
            for (int run = 1; run <= 30; run++) {
                Path json = folder.resolve("verify-" + run + ".json");
                cli.run("verify", "--ledger", ledger, "--var", base, "--report", "json=" + json, suite.toString());
                for (JsonNode probe : new ObjectMapper().readTree(json.toFile()).path("probes")) {
                    String change = probe.path("change").asText();
                    if (change.equals("SLOWER") || change.equals("REGRESSED")) {
                        alarms.merge(probe.path("id").asText() + " " + change + " (" + probe.path("changeNote").asText()
                                + ")", 1, Integer::sum);
                    }
                }
            }
            assertThat(alarms).as("false alarms over 30 verify runs").isEmpty();
        }
    }
}
