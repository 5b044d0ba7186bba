package org.postpatch.probes.ui.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.postpatch.api.Outcome;

/**
 * What a local and a remote Chromium session do alike: fresh state between probes through the
 * DevTools protocol, console errors from the browser log, PNG screenshots and page-load bounds.
 */
final class ChromiumPages {

    /** How long clearing up after a probe may take before the session is given up as unusable. */
    private static final Duration CLEAR_BOUND = Duration.ofSeconds(10);
    private static final String OWN_ICON = "/favicon.ico - Failed to load resource";

    private final WebDriver driver;
    private final BiConsumer<String, Map<String, Object>> devTools;
    private final String anchorWindow;
    private final List<String> errors = new ArrayList<>();

    /**
     * @param devTools sends a DevTools command to the current page (chromedriver's
     *                 {@code goog/cdp/execute}, which needs no WebSocket)
     */
    ChromiumPages(WebDriver driver, BiConsumer<String, Map<String, Object>> devTools) {
        this.driver = driver;
        this.devTools = devTools;
        this.anchorWindow = driver.getWindowHandle();
        // A new Chromium shows its new-tab page; a probe that fails before its page commits names this one.
        driver.get("about:blank");
    }

    /** The capability that makes Chromium keep its console messages for {@link #consoleErrors()}. */
    static LoggingPreferences browserLog() {
        LoggingPreferences preferences = new LoggingPreferences();
        preferences.enable(LogType.BROWSER, Level.ALL);
        return preferences;
    }

    synchronized void beginProbe() {
        driver.manage().logs().get(LogType.BROWSER);
        errors.clear();
    }

    /**
     * Closes the probe's extra windows, leaves the page (stopping its scripts), and clears cookies,
     * local and session storage, IndexedDB, service workers and the cache of every origin, so the next
     * probe starts as a new visitor.
     */
    void endProbe() {
        limitPageLoads(CLEAR_BOUND);
        java.util.Set<String> windows = driver.getWindowHandles();
        if (windows.size() > 1 || !windows.contains(anchorWindow)) {
            for (String window : windows) {
                if (!window.equals(anchorWindow)) {
                    driver.switchTo().window(window).close();
                }
            }
            driver.switchTo().window(anchorWindow);
        }
        driver.get("about:blank");
        devTools.accept("Network.clearBrowserCookies", Map.of());
        devTools.accept("Storage.clearDataForOrigin", Map.of("origin", "*", "storageTypes", "all"));
        devTools.accept("Network.clearBrowserCache", Map.of());
    }

    void limitPageLoads(Duration bound) {
        driver.manage().timeouts().pageLoadTimeout(bound.isZero() ? Duration.ofMillis(1) : bound);
    }

    /**
     * The browser log's SEVERE entries: uncaught script errors, {@code console.error} messages, and
     * resources the page asked for that failed to load. The icon Chromium asks for on its own
     * ({@code /favicon.ico}) is not the page's doing and does not count.
     */
    synchronized List<String> consoleErrors() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !entry.getMessage().contains(OWN_ICON)) {
                errors.add(entry.getMessage());
            }
        }
        return List.copyOf(errors);
    }

    Outcome.Attachment screenshot(Path folder, String baseName) throws IOException {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Path file = folder.resolve(baseName + ".png");
        Files.write(file, png);
        return new Outcome.Attachment(file, "image/png");
    }
}
