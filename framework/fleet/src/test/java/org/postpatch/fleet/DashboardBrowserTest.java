package org.postpatch.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.postpatch.endpoint.Access;
import org.postpatch.fleet.dashboard.DashboardHandler;
import org.postpatch.fleet.dashboard.DashboardServer;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.Ledgers;
import org.postpatch.testing.PostgresServer;

/** The dashboard in headless Chromium, on a fleet recorded in a real PostgreSQL ledger. */
class DashboardBrowserTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private static final String TOKEN = "dashboard-token";

    @TempDir
    static Path folder;

    private static String location;
    private static FleetScenario scenario;
    private static LedgerFleet fleet;
    private static DashboardServer server;
    private static HeadlessChromium chromium;
    private static String base;

    @BeforeAll
    static void serveTheFleetAndStartChromium() throws Exception {
        location = Ledgers4Tests.location("postgresql", folder, POSTGRES);
        try (Ledger ledger = Ledgers.open(location)) {
            scenario = FleetScenario.record(ledger);
            ledger.markRolledBack(scenario.failedPaymentsVerify);
        }
        fleet = LedgerFleet.open(location);
        // The dashboard's clock stands at the end of the recorded week; the page reloads every second.
        Clock clock = Clock.fixed(FleetScenario.PERIOD.until(), ZoneOffset.UTC);
        server = DashboardServer.start(new InetSocketAddress("127.0.0.1", 0),
                new DashboardHandler(fleet, Access.withToken(TOKEN), clock, 1));
        base = "http://127.0.0.1:" + server.port() + "/";
        chromium = new HeadlessChromium(Files.createDirectories(folder.resolve("chromium-profile")));
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    @BeforeEach
    void signedOut() {
        driver().get(base + "favicon.ico");
        driver().manage().deleteAllCookies();
    }

    private static WebDriver driver() {
        return chromium.driver();
    }

    private static WebElement cell(String suite, String target) {
        return driver().findElement(By.cssSelector(".cell[data-suite='" + suite + "'][data-target='" + target + "']"));
    }

    private static void signIn(String token) {
        driver().get(base);
        driver().findElement(By.id("token")).sendKeys(token);
        driver().findElement(By.id("sign-in")).click();
    }

    @Test
    void withoutTheTokenTheMatrixShowsStatesButNoProbeNamesVersionsOrReports() {
        driver().get(base);

        assertThat(cell("orders", "node-1").getAttribute("data-state")).isEqualTo("FAILING");
        assertThat(cell("orders", "node-1").getCssValue("background-color")).isEqualTo("rgba(179, 38, 30, 1)");
        assertThat(cell("orders", "node-4").getAttribute("data-state")).isEqualTo("OK");
        assertThat(cell("inventory", "inv-1").getText()).contains("UNVERIFIED");
        assertThat(cell("payments", "pay-1").getText()).contains("ROLLED BACK");
        assertThat(cell("orders", "node-1").getTagName()).isEqualTo("span");
        String page = driver().getPageSource();
        for (String secret : new String[] {"checkout", "search", "health", "17.0.16", "likely cause", "run-0"}) {
            assertThat(page).as("the page without a token shows no '%s'", secret).doesNotContain(secret);
        }
        assertThat(driver().findElement(By.id("details-hidden")).getText()).contains("Sign in with the endpoint token");
    }

    @Test
    void signedInThePageShowsTheAttributionAndACellOpensItsRunsReport() {
        signIn(TOKEN);

        WebElement changes = driver().findElement(By.id("changes"));
        assertThat(changes.getText())
                .contains("jvm.version 17.0.15 -> 17.0.16")
                .contains("likely cause: checkout REGRESSED on 3/3 targets that took it, 0/1 of those that did not")
                .contains("node-local: 1 of 4 targets that took it (billing/b-3)");
        assertThat(driver().findElement(By.id("figures")).getText()).contains("total all");

        cell("orders", "node-1").click();

        await().atMost(Duration.ofSeconds(30)).until(() -> driver().getTitle().startsWith("postpatch FAIL"));
        assertThat(driver().getCurrentUrl()).endsWith("/runs/" + scenario.ordersVerifies.get(0) + "/report");
        assertThat(driver().findElement(By.tagName("body")).getText()).contains(scenario.ordersVerifies.get(0))
                .contains("checkout").contains("REGRESSED");
    }

    @Test
    void aWrongTokenShowsOnlyTheStatesAndSaysSo() {
        signIn("not-the-token");

        assertThat(driver().findElement(By.id("notice")).getText()).contains("That token is not valid");
        assertThat(driver().getPageSource()).doesNotContain("checkout").doesNotContain("likely cause");
    }

    @Test
    void thePageReloadsItselfAndShowsWhatWasRecordedSince() throws Exception {
        signIn(TOKEN);
        assertThat(cell("orders", "node-2").getAttribute("data-state")).isEqualTo("FAILING");
        assertThat(driver().findElement(By.id("changes")).getText()).contains("orders/node-2 FAIL");

        try (Ledger ledger = Ledgers.open(location)) {
            assertThat(ledger.markRolledBack(scenario.ordersVerifies.get(1))).isTrue();
        }

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> "ROLLED_BACK".equals(cell("orders", "node-2").getAttribute("data-state")));
    }
}
