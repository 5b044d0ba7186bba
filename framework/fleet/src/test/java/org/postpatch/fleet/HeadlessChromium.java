package org.postpatch.fleet;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the dashboard's tests, started as the ui probes start it: Debian's chromedriver
 * and Chromium by their paths (Selenium Manager never runs), no network of its own, a fresh profile.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final List<String> ARGUMENTS = List.of("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-extensions", "--disable-gpu", "--window-size=1280,900");

    private final ChromeDriverService service;
    private final ChromeDriver driver;

    HeadlessChromium(Path profile) {
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments(ARGUMENTS);
        options.addArguments("--user-data-dir=" + profile);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
