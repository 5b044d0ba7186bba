package org.postpatch.probes.jdbc;

import org.postpatch.testing.PostgresServer;
import org.postpatch.testkit.ProbeTestKit;
import org.postpatch.testkit.RenderedRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.result.ProbeResult;

/** The {@code jdbc} kind against a real PostgreSQL server started for this class on loopback. */
class JdbcPostgresTest {

    private static final String PASSWORD = "Orders-Canary-7f3a9c";

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @TempDir
    Path folder;

    @BeforeAll
    static void createTheOrdersDatabase() throws Exception {
        POSTGRES.execute(
                "create role orders login password '" + PASSWORD + "'",
                "create database orders owner orders");
        POSTGRES.executeIn("orders",
                "create table orders (id serial primary key, created timestamptz not null default now())",
                "alter table orders owner to orders",
                "insert into orders (created) values (now()), (now()), (now() - interval '3 days')");
    }

    private RenderedRun run(String probes) {
        return ProbeTestKit.in(folder).withEnvironment(Map.of("ORDERS_DB_PASSWORD", PASSWORD)).render("""
                suite: orders
                vars:
                  db: "%s"
                probes:
                %s""".formatted(POSTGRES.url("orders"), probes.indent(2)));
    }

    @Test
    void probeWithoutQueryChecksThatItCanConnect() {
        ProbeResult result = run("""
                - id: db-up
                  jdbc: { url: "${db}", user: orders, password: "${secret:ORDERS_DB_PASSWORD}" }
                """).probe("db-up");

        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(result.message()).startsWith("connected to PostgreSQL 1");
    }

    @Test
    void queryThatMeetsEveryExpectationPasses() {
        ProbeResult result = run("""
                - id: orders-db
                  jdbc:
                    url: ${db}
                    user: orders
                    password: ${secret:ORDERS_DB_PASSWORD}
                    query: select count(*) from orders where created > now() - interval '1 day'
                    expect:
                      rows: { ge: 1 }
                      value: { gt: 0 }
                      within: 10s
                """).probe("orders-db");

        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(result.message()).startsWith("1 row, first value 2, in ");
        assertThat(result.details()).containsEntry("rows", 1L);
    }

    @Test
    void unmetExpectationsFailWithWhatWasExpectedAndWhatWasFound() {
        RenderedRun run = run("""
                - id: no-rows
                  jdbc:
                    url: ${db}
                    user: orders
                    password: ${secret:ORDERS_DB_PASSWORD}
                    query: select id from orders where created > now() + interval '1 day'
                    expect: { rows: { ge: 1 } }
                - id: zero-orders
                  jdbc:
                    url: ${db}
                    user: orders
                    password: ${secret:ORDERS_DB_PASSWORD}
                    query: select count(*) from orders where created > now() + interval '1 day'
                    expect: { value: { gt: 0 } }
                """);

        assertThat(run.probe("no-rows").status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(run.probe("no-rows").message()).isEqualTo("expected at least 1 row but got 0");
        assertThat(run.probe("no-rows").late()).as("a wrong answer is not a late one").isFalse();
        assertThat(run.probe("zero-orders").message()).isEqualTo("first value: expected > 0 but was 0");
        assertThat(run.everything()).doesNotContain(PASSWORD);
    }

    @Test
    void queryOverItsBudgetFailsWithTheTimeItTook() {
        ProbeResult result = run("""
                - id: slow-query
                  jdbc:
                    url: ${db}
                    user: orders
                    password: ${secret:ORDERS_DB_PASSWORD}
                    query: select pg_sleep(0.3)
                    expect: { within: 50ms }
                """).probe("slow-query");

        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.message()).matches("query took [0-9.]+m?s, over the 50ms budget");
        assertThat(result.late()).as("a miss of time only: measured again warm right after a restart").isTrue();
    }

    @Test
    void wrongPasswordFailsWithTheServersReasonAndTheCanaryPasswordIsShownNowhere() {
        RenderedRun run = ProbeTestKit.in(folder).withEnvironment(Map.of("ORDERS_DB_PASSWORD", "Wrong-" + PASSWORD)).render("""
                suite: orders
                probes:
                  - id: orders-db
                    jdbc:
                      url: %s
                      user: orders
                      password: ${secret:ORDERS_DB_PASSWORD}
                      query: select 1
                """.formatted(POSTGRES.url("orders")));

        ProbeResult result = run.probe("orders-db");
        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.message()).isEqualTo("cannot connect to " + POSTGRES.url("orders")
                + ": FATAL: password authentication failed for user \"orders\"");
        assertThat(run.everything()).contains("password authentication failed").doesNotContain(PASSWORD);
    }

    @Test
    void passwordWrittenIntoTheUrlIsMaskedEverywhere() {
        String canary = "Url-" + PASSWORD;
        RenderedRun run = ProbeTestKit.in(folder).render("""
                suite: orders
                probes:
                  - id: orders-db
                    jdbc: { url: "%s?user=orders&password=%s", query: select 1 }
                """.formatted(POSTGRES.url("orders"), canary));

        ProbeResult result = run.probe("orders-db");
        // The core's redactor masks a URL password up to the next space, so the colon after it goes too.
        assertThat(result.message()).startsWith("cannot connect to " + POSTGRES.url("orders") + "?user=orders&password=****")
                .endsWith(" FATAL: password authentication failed for user \"orders\"");
        assertThat(run.everything()).contains("password=****").doesNotContain(canary);
    }

    @Test
    void hangingQueryFailsAtItsTimeoutAndLeavesNoConnectionOpen() throws Exception {
        ProbeResult result = run("""
                - id: stuck-query
                  timeout: 1s
                  jdbc:
                    url: ${db}
                    user: orders
                    password: ${secret:ORDERS_DB_PASSWORD}
                    query: select pg_sleep(600)
                """).probe("stuck-query");

        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.message()).isEqualTo("timed out after 1s");
        await("the probe's connection to close and its query to stop on the server")
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(probeSessions()).isZero());
    }

    @Test
    void everyPathClosesItsConnection() throws Exception {
        RenderedRun run = run("""
                - id: passes
                  jdbc: { url: "${db}", user: orders, password: "${secret:ORDERS_DB_PASSWORD}", query: select 1 }
                - id: fails-expectation
                  jdbc:
                    url: ${db}
                    user: orders
                    password: ${secret:ORDERS_DB_PASSWORD}
                    query: select 1
                    expect: { value: 2 }
                - id: fails-query
                  jdbc: { url: "${db}", user: orders, password: "${secret:ORDERS_DB_PASSWORD}", query: select * from nowhere }
                """);

        assertThat(run.probe("passes").status()).isEqualTo(ProbeStatus.PASSED);
        assertThat(run.probe("fails-expectation").message()).isEqualTo("first value: expected 2 but was 1");
        assertThat(run.probe("fails-query").message())
                .isEqualTo("query failed: ERROR: relation \"nowhere\" does not exist Position: 15");
        await("every probe connection to close")
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(probeSessions()).isZero());
    }

    @Test
    void cancellingAnAttemptStopsItsQueryOnTheServerAndClosesItsConnection() throws Exception {
        AttemptResources resources = new AttemptResources();
        Database database = new Database(POSTGRES.url("orders"), Optional.of("orders"),
                Optional.of(PASSWORD), Map.of());
        Statement statement = resources.adopt(resources.adopt(database.connect(Duration.ofSeconds(10))).createStatement());
        CompletableFuture<Object> query = CompletableFuture.supplyAsync(() -> {
            try {
                return statement.execute("select pg_sleep(600)");
            } catch (SQLException stopped) {
                return stopped;
            }
        });
        await("the query to run on the server").atMost(Duration.ofSeconds(20))
                .until(() -> probeSessions() == 1);

        resources.cancel();

        await("the query to end").atMost(Duration.ofSeconds(20)).until(query::isDone);
        assertThat(query.get()).isInstanceOf(SQLException.class);
        await("the connection to close on the server").atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(probeSessions()).isZero());
        assertThat(statement.getConnection().isClosed()).isTrue();
    }

    /** Server sessions opened by postpatch probes (they name themselves with the application name). */
    private static long probeSessions() throws Exception {
        try (Connection connection = POSTGRES.superuser();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select count(*) from pg_stat_activity where application_name = 'postpatch' or query like '%pg_sleep(600)%' and pid <> pg_backend_pid()")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
