package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.fleet.FleetScenario;
import org.postpatch.fleet.Ledgers4Tests;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.Ledgers;
import org.postpatch.testing.PostgresServer;

/** {@code postpatch fleet} and {@code postpatch dashboard} on a fleet recorded in a real PostgreSQL ledger. */
class FleetCommandTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SINCE = FleetScenario.PERIOD.since().toString();
    private static final String UNTIL = FleetScenario.PERIOD.until().toString();

    @TempDir
    Path folder;

    private String ledger;
    private final Cli cli = new Cli();

    @BeforeEach
    void recordTheFleet() throws Exception {
        ledger = Ledgers4Tests.location("postgresql", folder, POSTGRES);
        try (Ledger opened = Ledgers.open(ledger)) {
            FleetScenario scenario = FleetScenario.record(opened);
            opened.markRolledBack(scenario.failedPaymentsVerify);
        }
    }

    @Test
    void fleetShowsEveryTargetsStateAndTheChangeThatCarriedTheRegressionAndExitsOneWhileATargetFails() {
        int code = cli.run("fleet", "--ledger", ledger, "--since", SINCE, "--until", UNTIL);

        assertThat(code).as(cli.err()).isEqualTo(ExitCodes.FAIL);
        assertThat(cli.out())
                .containsPattern("orders\\s+node-1\\s+FAILING\\s+FAIL verify")
                .containsPattern("orders\\s+node-4\\s+OK\\s+PASS run")
                .containsPattern("inventory\\s+inv-1\\s+UNVERIFIED")
                .containsPattern("payments\\s+pay-1\\s+ROLLED BACK")
                .contains("FAILING orders/node-1: checkout FAILED (REGRESSED)")
                .contains("jvm.version 17.0.15 -> 17.0.16  [JVM, orders]")
                .contains("likely cause: checkout REGRESSED on 3/3 targets that took it, 0/1 of those that did not")
                .contains("node-local: 1 of 4 targets that took it (billing/b-3)")
                .containsPattern("payments/pay-1 .* FAIL verify\\s+checkout\\s+ROLLED BACK");
        assertThat(cli.out().indexOf("jvm.version 17.0.15 -> 17.0.16  [")).isLessThan(cli.out().indexOf("node-local"));
    }

    @Test
    void fleetExitsZeroWhenNoTargetIsFailing() {
        assertThat(cli.run("fleet", "--ledger", ledger, "--since", SINCE, "--until", UNTIL, "--suite", "inventory"))
                .as(cli.err()).isEqualTo(ExitCodes.PASS);
        assertThat(cli.out()).contains("1 target").contains("1 UNVERIFIED").doesNotContain("orders");
    }

    @Test
    void figuresCountPatchesFailuresAndRollbacksPerKindAndExportAsCsv() {
        cli.run("fleet", "--ledger", ledger, "--since", SINCE, "--until", UNTIL, "--figures");
        assertThat(cli.out()).containsPattern("kind\\s+JVM\\s+3\\s+3\\s+3\\s+100%\\s+0")
                .containsPattern("application\\s+payments\\s+1\\s+1\\s+1\\s+100%\\s+1")
                .containsPattern("total\\s+all\\s+9\\s+8\\s+5\\s+63%\\s+1");

        cli.run("fleet", "--ledger", ledger, "--since", SINCE, "--until", UNTIL, "--figures", "--format", "csv");
        assertThat(cli.out().split("\r\n")[0]).isEqualTo("group,name,patches,verified,failed,change_failure_rate,"
                + "caught_on_first_target,time_to_verdict_median_s,time_to_verdict_p95_s,rollbacks,exposure_target_hours");
        assertThat(cli.out()).contains("\r\nkind,OS,1,0,0,,0,,,0,").contains("\r\ntotal,all,9,8,5,0.625,1,");
    }

    @Test
    void badPeriodsAndFormatsAreRefusedWithWhatWasExpected() {
        assertThat(cli.run("fleet", "--ledger", ledger, "--since", "last tuesday")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err()).contains("since 'last tuesday' is not a duration back from now like 7d");
        assertThat(cli.run("fleet", "--ledger", ledger, "--format", "csv")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err()).contains("--format csv writes the figures: add --figures");
        assertThat(cli.run("fleet", "--ledger", folder.resolve("nowhere").toString())).isEqualTo(ExitCodes.PASS);
        assertThat(cli.err()).contains("no ledger at " + folder.resolve("nowhere") + " yet");
        assertThat(Files.exists(folder.resolve("nowhere.mv.db"))).isFalse();
    }

    @Test
    void theDashboardsJsonApiIsWhatFleetFormatJsonPrints() throws Exception {
        Path console = folder.resolve("dashboard.txt");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "dashboard", "--port", "0", "--bind", "127.0.0.1", "--ledger", ledger)
                .redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().put("POSTPATCH_TOKEN", "fleet-token");
        Process dashboard = builder.start();
        HttpClient client = HttpClient.newHttpClient();
        try {
            Pattern serving = Pattern.compile("on (http://127.0.0.1:\\d+/)");
            await().atMost(Duration.ofSeconds(60)).until(() -> serving.matcher(Files.readString(console)).find());
            Matcher url = serving.matcher(Files.readString(console));
            assertThat(url.find()).isTrue();
            String period = "?since=" + SINCE + "&until=" + UNTIL;

            cli.run("fleet", "--ledger", ledger, "--since", SINCE, "--until", UNTIL, "--format", "json");
            JsonNode fleet = MAPPER.readTree(cli.out());
            assertThat(get(client, url.group(1) + "api/fleet" + period, "fleet-token")).isEqualTo(fleet);
            assertThat(get(client, url.group(1) + "api/changes" + period, "fleet-token").path("changes"))
                    .isEqualTo(fleet.path("changes"));
            cli.run("fleet", "--ledger", ledger, "--since", SINCE, "--until", UNTIL, "--format", "json", "--figures");
            assertThat(get(client, url.group(1) + "api/figures" + period, "fleet-token").path("figures"))
                    .isEqualTo(MAPPER.readTree(cli.out()).path("figures"));

            JsonNode anonymous = get(client, url.group(1) + "api/fleet" + period, null);
            assertThat(anonymous.path("targets")).hasSize(10);
            assertThat(anonymous.toString()).doesNotContain("checkout").doesNotContain("17.0.16").doesNotContain("run-");
            assertThat(client.send(HttpRequest.newBuilder(URI.create(url.group(1) + "api/changes")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        } finally {
            dashboard.destroy();
            assertThat(dashboard.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(dashboard.exitValue()).isZero();
        assertThat(Files.readString(console)).contains("postpatch: stopped");
    }

    private static JsonNode get(HttpClient client, String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return MAPPER.readTree(response.body());
    }
}
