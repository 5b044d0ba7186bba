package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postpatch.testing.PostgresServer;
import org.postpatch.testing.ProbeFiles;
import org.postpatch.testing.RenamingServer;

/**
 * Snapshot expectations end to end, on an H2 file ledger and a PostgreSQL one: no assertion is
 * written about the orders, yet a renamed field fails the verify, and the fresh timestamp and id in
 * every answer never do.
 */
class SnapshotVerifyTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private static final String SUITE = """
            suite: orders
            probes:
              - id: health
                http: { get: "${base}/health", expect: { status: 200 } }
              - id: api-orders
                http: { get: "${base}/api/orders", expect: { snapshot: true } }
            """;

    @TempDir
    Path folder;

    private final Cli cli = new Cli();

    private String ledger(String database) throws Exception {
        if (database.equals("h2")) {
            return folder.resolve("ledger").toString();
        }
        String name = "snapshots_" + Math.abs(folder.hashCode());
        POSTGRES.psql("postgres", "create database " + name);
        return POSTGRES.jdbcUrl(name) + "?user=" + PostgresServer.USER + "&password=" + PostgresServer.PASSWORD;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRenamedFieldRegressesWithNoAssertionWrittenAndFreshTimestampsNeverAlarm(String database) throws Exception {
        Path probes = new ProbeFiles(folder).write("orders.yaml", SUITE);
        String ledger = ledger(database);
        try (RenamingServer server = RenamingServer.start()) {
            String[] common = {"--ledger", ledger, "--target", "node-1", "--var", "base=" + server.url()};
            Path baselineReport = folder.resolve("baseline.json");
            assertThat(cli.run(Cli.args("baseline", common, "--report", "json=" + baselineReport, probes.toString())))
                    .as(cli.out() + cli.err()).isZero();
            assertThat(cli.out()).contains("api-orders").contains("; snapshot recorded (noise: $.generatedAt, $.requestId)");
            JsonNode recorded = probe(valid(baselineReport), "api-orders").path("details").path("snapshotRecorded");
            assertThat(recorded.path("noise").toString()).isEqualTo("[\"$.generatedAt\",\"$.requestId\"]");

            for (int i = 1; i <= 30; i++) {
                int code = cli.run(Cli.args("verify", common, probes.toString()));
                assertThat(code).as("verify %d on v1:%n%s%s", i, cli.out(), cli.err()).isZero();
                assertThat(cli.out()).as("verify %d on v1", i)
                        .contains("; snapshot unchanged (noise ignored: $.generatedAt, $.requestId)")
                        .contains("2 probes as before").doesNotContain("REGRESSED").doesNotContain("FLAKY");
            }

            server.version(2);
            Path report = folder.resolve("verify.json");
            int code = cli.run(Cli.args("verify", common, "--report", "json=" + report, probes.toString()));
            assertThat(code).as(cli.out() + cli.err()).isEqualTo(1);
            assertThat(cli.out()).containsPattern("REGRESSED +api-orders +snapshot: \\$\\.items\\[0]\\.sku removed "
                    + "\\(was \"A-1\"\\), \\$\\.items\\[0]\\.product added \\(\"A-1\"\\) \\(failed again when run again\\)")
                    .contains("FAIL  orders: 1 regressed");
            JsonNode api = probe(valid(report), "api-orders");
            assertThat(api.path("change").asText()).isEqualTo("REGRESSED");
            JsonNode snapshot = api.path("details").path("snapshot");
            assertThat(snapshot.path("differenceCount").asInt()).isEqualTo(2);
            assertThat(snapshot.path("differences").toString())
                    .contains("{\"change\":\"removed\",\"path\":\"$['items'][0]['sku']\",\"label\":\"$.items[0].sku\",\"was\":\"\\\"A-1\\\"\"}")
                    .contains("{\"change\":\"added\",\"path\":\"$['items'][0]['product']\",\"label\":\"$.items[0].product\",\"now\":\"\\\"A-1\\\"\"}");
            assertThat(snapshot.path("noise").toString()).isEqualTo("[\"$.generatedAt\",\"$.requestId\"]");

            // The intended change is accepted by recording a new baseline: it records the new snapshot.
            assertThat(cli.run(Cli.args("baseline", common, probes.toString()))).isZero();
            assertThat(cli.run(Cli.args("verify", common, probes.toString()))).as(cli.out()).isZero();
        }
    }

    /** The JSON report, checked against the published schema. */
    private static JsonNode valid(Path report) throws Exception {
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(Path.of("../../docs/report.schema.json")));
        assertThat(schema.validate(json)).as(report.toString()).isEmpty();
        return json;
    }

    private static JsonNode probe(JsonNode report, String id) {
        for (JsonNode probe : report.path("probes")) {
            if (probe.path("id").asText().equals(id)) {
                return probe;
            }
        }
        throw new AssertionError("no probe " + id + " in " + report);
    }
}
