package org.postpatch.probes.jdbc;

import org.postpatch.testkit.ProbeTestKit;
import org.postpatch.testkit.RenderedRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.result.ProbeResult;

/** The {@code jdbc} kind against H2 databases, in memory and in a file. */
class JdbcH2Test {

    private static final String PASSWORD = "H2-Canary-41d7e2";

    @TempDir
    Path folder;

    private String fileUrl;

    @BeforeEach
    void createAFileDatabase() throws Exception {
        fileUrl = "jdbc:h2:file:" + folder.resolve("orders");
        try (Connection connection = DriverManager.getConnection(fileUrl, "sa", PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("create table orders (id uuid default random_uuid() primary key, status varchar(20))");
            statement.execute("insert into orders (status) values ('PAID'), ('PAID'), ('OPEN')");
        }
    }

    private RenderedRun run(String probes) {
        return ProbeTestKit.in(folder).withEnvironment(Map.of("DB_PASSWORD", PASSWORD)).render("""
                suite: orders
                vars:
                  db: "%s"
                probes:
                %s""".formatted(fileUrl, probes.indent(2)));
    }

    @Test
    void inMemoryDatabaseWithoutQueryIsAConnectionCheck() {
        ProbeResult result = run("""
                - id: db-up
                  jdbc: { url: "jdbc:h2:mem:probe" }
                """).probe("db-up");

        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(result.message()).startsWith("connected to H2 2.");
    }

    @Test
    void fileDatabaseQueryMeetingEveryExpectationPasses() {
        ProbeResult result = run("""
                - id: paid-orders
                  jdbc:
                    url: ${db}
                    user: sa
                    password: ${secret:DB_PASSWORD}
                    query: select status from orders where status = 'PAID'
                    expect:
                      rows: 2
                      value: PAID
                      within: 10s
                """).probe("paid-orders");

        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(result.message()).startsWith("2 rows, first value PAID, in ");
    }

    @Test
    void everyValueMatcherIsChecked() {
        RenderedRun run = run("""
                - id: matches
                  jdbc:
                    url: ${db}
                    user: sa
                    password: ${secret:DB_PASSWORD}
                    query: select id from orders
                    expect: { value: { matches: "[0-9a-f-]{36}" } }
                - id: does-not-match
                  jdbc:
                    url: ${db}
                    user: sa
                    password: ${secret:DB_PASSWORD}
                    query: select status from orders order by status
                    expect: { value: { matches: "PAID|CANCELLED" } }
                - id: in-range
                  jdbc:
                    url: ${db}
                    user: sa
                    password: ${secret:DB_PASSWORD}
                    query: select count(*) from orders
                    expect: { value: { ge: 3, lt: 4.5 } }
                - id: out-of-range
                  jdbc:
                    url: ${db}
                    user: sa
                    password: ${secret:DB_PASSWORD}
                    query: select count(*) from orders
                    expect: { value: { gt: 3, le: 10 } }
                - id: not-a-number
                  jdbc:
                    url: ${db}
                    user: sa
                    password: ${secret:DB_PASSWORD}
                    query: select status from orders order by status
                    expect: { value: { gt: 0 } }
                - id: equals-text
                  jdbc:
                    url: ${db}
                    user: sa
                    password: ${secret:DB_PASSWORD}
                    query: select status from orders order by status
                    expect: { value: { equals: PAID } }
                - id: equals-number
                  jdbc:
                    url: ${db}
                    user: sa
                    password: ${secret:DB_PASSWORD}
                    query: select 3.0 from dual
                    expect: { value: 3 }
                - id: null-value
                  jdbc:
                    url: ${db}
                    user: sa
                    password: ${secret:DB_PASSWORD}
                    query: select null from dual
                    expect: { value: 0 }
                - id: no-rows
                  jdbc:
                    url: ${db}
                    user: sa
                    password: ${secret:DB_PASSWORD}
                    query: select status from orders where 1 = 0
                    expect: { value: PAID }
                """);

        assertThat(run.probe("matches").status()).as(run.probe("matches").message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(run.probe("does-not-match").message())
                .isEqualTo("first value: expected to match 'PAID|CANCELLED' but was 'OPEN'");
        assertThat(run.probe("in-range").status()).isEqualTo(ProbeStatus.PASSED);
        assertThat(run.probe("out-of-range").message()).isEqualTo("first value: expected > 3 and <= 10 but was 3");
        assertThat(run.probe("not-a-number").message()).isEqualTo("first value: expected > 0 but was 'OPEN', not a number");
        assertThat(run.probe("equals-text").message()).isEqualTo("first value: expected 'PAID' but was 'OPEN'");
        assertThat(run.probe("equals-number").status()).isEqualTo(ProbeStatus.PASSED);
        assertThat(run.probe("null-value").message()).isEqualTo("first value: expected 0 but was NULL");
        assertThat(run.probe("no-rows").message()).isEqualTo("first value: expected 'PAID' but the query returned no rows");
    }

    @Test
    void rowCountsAreComparedWithEveryBound() {
        RenderedRun run = run("""
                - id: exactly
                  jdbc: { url: "${db}", user: sa, password: "${secret:DB_PASSWORD}", query: select * from orders, expect: { rows: 2 } }
                - id: range
                  jdbc: { url: "${db}", user: sa, password: "${secret:DB_PASSWORD}", query: select * from orders, expect: { rows: { ge: 1, le: 2 } } }
                - id: fewer
                  jdbc: { url: "${db}", user: sa, password: "${secret:DB_PASSWORD}", query: select * from orders, expect: { rows: { lt: 4, gt: 2 } } }
                """);

        assertThat(run.probe("exactly").message()).isEqualTo("expected exactly 2 rows but got 3");
        assertThat(run.probe("range").message()).isEqualTo("expected at least 1 and at most 2 rows but got 3");
        assertThat(run.probe("fewer").status()).isEqualTo(ProbeStatus.PASSED);
    }

    @Test
    void statementWithoutResultCountsTheRowsItChanged() {
        ProbeResult result = run("""
                - id: touch-orders
                  jdbc:
                    url: ${db}
                    user: sa
                    password: ${secret:DB_PASSWORD}
                    query: update orders set status = status where status = 'PAID'
                    expect: { rows: 2 }
                """).probe("touch-orders");

        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(result.message()).startsWith("2 rows, in ");
    }

    @Test
    void failingQueryReportsTheDatabasesReason() {
        ProbeResult result = run("""
                - id: typo
                  jdbc: { url: "${db}", user: sa, password: "${secret:DB_PASSWORD}", query: select * from ordrs }
                """).probe("typo");

        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.message()).startsWith("query failed: Table \"ORDRS\" not found");
    }

    @Test
    void urlWithoutDriverFailsNamingTheMissingDriver() {
        ProbeResult result = run("""
                - id: oracle
                  jdbc: { url: "jdbc:oracle:thin:@//db.example.com:1521/orders" }
                """).probe("oracle");

        assertThat(result.message()).isEqualTo("cannot connect to jdbc:oracle:thin:@//db.example.com:1521/orders: "
                + "no JDBC driver on the classpath accepts this URL (add the database's driver jar)");
    }

    @Test
    void wrongPasswordInTheUrlIsShownNowhere() {
        String canary = "Url-" + PASSWORD;
        RenderedRun run = run("""
                - id: orders-db
                  jdbc: { url: "${db};USER=sa;PASSWORD=%s", query: select 1 }
                """.formatted(canary));

        ProbeResult result = run.probe("orders-db");
        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.message()).startsWith("cannot connect to " + fileUrl + ";USER=sa;PASSWORD=****")
                .contains("Wrong user name or password");
        assertThat(run.everything()).doesNotContain(canary).doesNotContain(PASSWORD);
    }

    @Test
    void passwordWrittenInTheFileIsStillASecret() {
        String literal = "Literal-" + PASSWORD;
        RenderedRun run = run("""
                - id: echo-password
                  jdbc: { url: "jdbc:h2:mem:literal", user: sa, password: "%1$s", query: "select '%1$s'" }
                """.formatted(literal));

        assertThat(run.probe("echo-password").message()).startsWith("1 row, first value ****, in ");
        assertThat(run.everything()).doesNotContain(literal);
    }

    @Test
    void passingAndFailingProbesLeaveNoSessionOpen() throws Exception {
        String shared = "jdbc:h2:mem:sessions;DB_CLOSE_DELAY=-1";
        try (Connection observer = DriverManager.getConnection(shared, "sa", "")) {
            RenderedRun run = run("""
                    - id: passes
                      jdbc: { url: "%1$s", user: sa, query: select 1 }
                    - id: fails-expectation
                      jdbc: { url: "%1$s", user: sa, query: select 1, expect: { rows: 5 } }
                    - id: fails-query
                      jdbc: { url: "%1$s", user: sa, query: select * from nowhere }
                    """.formatted(shared));

            assertThat(run.probe("passes").status()).isEqualTo(ProbeStatus.PASSED);
            assertThat(run.probe("fails-expectation").status()).isEqualTo(ProbeStatus.FAILED);
            assertThat(run.probe("fails-query").status()).isEqualTo(ProbeStatus.FAILED);
            try (Statement statement = observer.createStatement();
                 ResultSet sessions = statement.executeQuery("select count(*) from information_schema.sessions")) {
                sessions.next();
                assertThat(sessions.getLong(1)).as("open sessions besides this test's").isEqualTo(1);
            }
        }
    }
}
