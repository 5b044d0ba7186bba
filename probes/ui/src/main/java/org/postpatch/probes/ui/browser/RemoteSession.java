package org.postpatch.probes.ui.browser;

import java.net.MalformedURLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.remote.Augmenter;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.remote.http.ClientConfig;

/**
 * A headless Chrome session on a Selenium Grid. Its processes live on the grid's node, so stopping it
 * means ending the session; a session that does not answer is left to the grid's own session timeout.
 */
final class RemoteSession extends ChromiumSession {

    private static final Duration CONNECT_BOUND = Duration.ofSeconds(10);
    private static final Duration COMMAND_BOUND = Duration.ofMinutes(30);
    private static final Duration QUIT_BOUND = Duration.ofSeconds(10);
    private static final int MAX_CAUSES = 4;

    private final BrowserSettings.Remote settings;
    private volatile RemoteWebDriver driver;
    private volatile boolean stopped;
    private volatile CompletableFuture<Void> quit;

    RemoteSession(BrowserSettings.Remote settings) {
        this.settings = settings;
    }

    /** Asks the grid for a session; blocks until it has one. */
    void start() throws BrowserUnavailableException {
        ChromeOptions options = new ChromeOptions();
        options.addArguments(ChromeSession.ARGUMENTS);
        options.setPageLoadStrategy(PageLoadStrategy.NORMAL);
        options.setCapability("goog:loggingPrefs", ChromiumPages.browserLog());
        try {
            ClientConfig config = ClientConfig.defaultConfig().connectionTimeout(CONNECT_BOUND).readTimeout(COMMAND_BOUND);
            RemoteWebDriver started = new RemoteWebDriver(settings.grid().toURL(), options, config);
            driver = started;
            if (stopped) {
                started.quit();
                throw new BrowserUnavailableException("the grid session was stopped while it started");
            }
            // Selenium's augmentation adds chromedriver's DevTools endpoint to a remote Chrome session.
            HasCdp devTools = (HasCdp) new Augmenter().augment(started);
            watch(new ChromiumPages(started, devTools::executeCdpCommand));
        } catch (WebDriverException failed) {
            throw new BrowserUnavailableException("no browser from the grid at " + settings.grid() + ": "
                    + rootCause(failed), failed);
        } catch (MalformedURLException | IllegalArgumentException badUrl) {
            throw new BrowserUnavailableException("not a usable grid URL: " + settings.grid(), badUrl);
        }
    }

    /**
     * Why there was no session: Selenium's first line, then its causes down to the first that says
     * nothing more than its type (for an unreachable grid: the connection error and its address).
     */
    private static String rootCause(WebDriverException failed) {
        String reason = ChromeSession.firstLine(failed.getRawMessage()).replaceFirst("\\s*\\bnull$", "");
        StringBuilder causes = new StringBuilder();
        Throwable current = failed.getCause();
        for (int depth = 0; current != null && depth < MAX_CAUSES; depth++, current = current.getCause()) {
            causes.append(causes.length() == 0 ? "" : ": ").append(current.getClass().getSimpleName());
            if (current.getMessage() == null) {
                break;
            }
            causes.append(": ").append(ChromeSession.firstLine(current.getMessage()));
        }
        return causes.length() == 0 ? reason : reason + " (" + causes + ")";
    }

    @Override
    public WebDriver driver() {
        return driver;
    }

    @Override
    public String describe() {
        return "remote chrome " + driver.getCapabilities().getBrowserVersion() + " at " + settings.grid();
    }

    @Override
    public boolean isAlive() {
        return !stopped && driver != null;
    }

    @Override
    public synchronized void kill() {
        if (stopped) {
            return;
        }
        stopped = true;
        RemoteWebDriver current = driver;
        quit = current == null ? CompletableFuture.completedFuture(null) : CompletableFuture.runAsync(current::quit, task -> {
            Thread thread = new Thread(task, "postpatch-grid-quit");
            thread.setDaemon(true);
            thread.start();
        });
    }

    @Override
    public void close() {
        kill();
        try {
            quit.get(QUIT_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (Exception gridDidNotAnswer) {
            // the grid ends sessions nobody talks to after its own timeout
        }
    }
}
