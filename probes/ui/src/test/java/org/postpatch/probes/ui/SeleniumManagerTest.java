package org.postpatch.probes.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.service.DriverFinder;
import org.postpatch.api.ProbeStatus;
import org.postpatch.testkit.ProbeTestKit;
import org.postpatch.testkit.RenderedRun;

/**
 * Selenium Manager, which finds and downloads drivers and browsers over the network, never runs: ui
 * probes always give chromedriver's path. Surefire replaces Selenium Manager with a tripwire script
 * ({@link SeleniumManagerTripwire}) that counts its runs.
 */
class SeleniumManagerTest {

    private static final Path DOWNLOADS = Path.of(System.getProperty("user.home"), ".cache", "selenium");

    @TempDir
    Path folder;

    @BeforeAll
    static void armTheTripwire() {
        SeleniumManagerTripwire.arm();
    }

    @Test
    void tripwireCatchesSeleniumWhenItWouldLookForADriverItself() {
        long before = SeleniumManagerTripwire.runs();

        assertThatThrownBy(() -> new DriverFinder(new ChromeDriverService.Builder().build(), new ChromeOptions())
                .getDriverPath()).isInstanceOf(WebDriverException.class);

        assertThat(SeleniumManagerTripwire.runs()).as("Selenium Manager runs").isEqualTo(before + 1);
    }

    @Test
    void chromeProbeWithTheDefaultPathsNeverRunsSeleniumManagerNorDownloads() {
        long before = SeleniumManagerTripwire.runs();
        boolean downloadsBefore = DOWNLOADS.toFile().exists();
        try (TestSite site = new TestSite()) {
            RenderedRun run = ProbeTestKit.in(folder).render("""
                    suite: offline
                    defaults: { timeout: 60s }
                    probes:
                      - id: scripted
                        ui: { browser: chrome, open: "%s/scripted", steps: [ { see: Made by script } ] }
                    """.formatted(site.base()));

            assertThat(run.probe("scripted").status()).as(run.probe("scripted").message()).isEqualTo(ProbeStatus.PASSED);
        }
        assertThat(SeleniumManagerTripwire.runs()).as("Selenium Manager runs").isEqualTo(before);
        assertThat(Path.of(System.getenv("SE_CACHE_PATH"))).as("Selenium Manager's cache").doesNotExist();
        assertThat(DOWNLOADS.toFile().exists()).as(DOWNLOADS + " exists").isEqualTo(downloadsBefore);
    }
}
