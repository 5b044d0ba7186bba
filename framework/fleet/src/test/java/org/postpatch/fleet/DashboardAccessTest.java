package org.postpatch.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.endpoint.Access;
import org.postpatch.fleet.dashboard.DashboardHandler;
import org.postpatch.fleet.dashboard.DashboardServer;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.Ledgers;

/** The dashboard's answers over real HTTP: who may see what, and what a bad request is told. */
class DashboardAccessTest {

    @TempDir
    static Path folder;

    private static LedgerFleet fleet;
    private static DashboardServer withToken;
    private static DashboardServer withoutToken;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void serve() throws Exception {
        String location = folder.resolve("ledger").toString();
        try (Ledger ledger = Ledgers.open(location)) {
            FleetScenario.record(ledger);
        }
        fleet = LedgerFleet.open(location);
        Clock clock = Clock.fixed(FleetScenario.PERIOD.until(), ZoneOffset.UTC);
        withToken = DashboardServer.start(new InetSocketAddress("127.0.0.1", 0),
                new DashboardHandler(fleet, Access.withToken("access-token"), clock, 30));
        withoutToken = DashboardServer.start(new InetSocketAddress("127.0.0.1", 0),
                new DashboardHandler(fleet, Access.withToken(null), clock, 30));
    }

    @AfterAll
    static void stop() {
        withToken.close();
        withoutToken.close();
        fleet.close();
    }

    private static HttpResponse<String> send(DashboardServer server, String method, String path, String token,
                                             String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withNoTokenConfiguredOnlyTheStatesAreEverServed() throws Exception {
        HttpResponse<String> page = send(withoutToken, "GET", "/", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("No token is configured").contains("data-state=\"FAILING\"")
                .doesNotContain("checkout").doesNotContain("<form");
        assertThat(send(withoutToken, "GET", "/api/changes", "anything", null).statusCode()).isEqualTo(403);
        assertThat(send(withoutToken, "GET", "/runs/run-0003-node-1/report", "anything", null).body())
                .contains("details are disabled: no token is configured");
        assertThat(send(withoutToken, "POST", "/login", null, "token=anything").headers().firstValue("Location"))
                .contains("./?denied");
    }

    @Test
    void aWrongTokenIsRefusedWithAChallengeAndTheRightOneSignsIn() throws Exception {
        HttpResponse<String> refused = send(withToken, "GET", "/api/figures", "wrong", null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"postpatch\"");

        HttpResponse<String> signIn = send(withToken, "POST", "/login", null, "token=access-token");
        assertThat(signIn.statusCode()).isEqualTo(303);
        assertThat(signIn.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                assertThat(cookie).startsWith("postpatch_token=access-token;").contains("HttpOnly").contains("SameSite=Strict"));
        HttpResponse<String> page = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + withToken.port()
                + "/")).header("Cookie", "postpatch_token=access-token").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("likely cause: checkout REGRESSED on 3/3");
    }

    @Test
    void theFiguresDownloadAsCsv() throws Exception {
        HttpResponse<String> csv = send(withToken, "GET", "/api/figures.csv", "access-token", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).contains("text/csv; charset=utf-8");
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"postpatch-figures.csv\"");
        assertThat(csv.body()).startsWith("group,name,patches,").contains("\r\ntotal,all,9,8,5,0.625,1,");
    }

    @Test
    void badRequestsSayWhatWasWrong() throws Exception {
        HttpResponse<String> badPeriod = send(withToken, "GET", "/api/fleet?since=yesterday", "access-token", null);
        assertThat(badPeriod.statusCode()).isEqualTo(400);
        assertThat(badPeriod.body()).contains("since 'yesterday' is not a duration back from now like 7d");
        assertThat(send(withToken, "GET", "/?since=yesterday", null, null).body()).contains("id=\"problem\"")
                .contains("since &#39;yesterday&#39; is not");
        HttpResponse<String> delete = send(withToken, "DELETE", "/api/fleet", "access-token", null);
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow")).contains("GET");
        assertThat(send(withToken, "GET", "/runs/no-such-run/report", "access-token", null).body())
                .contains("no report of run no-such-run in the ledger");
        assertThat(send(withToken, "GET", "/nowhere", null, null).statusCode()).isEqualTo(404);
    }
}
