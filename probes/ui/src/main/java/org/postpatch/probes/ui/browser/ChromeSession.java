package org.postpatch.probes.ui.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.http.ClientConfig;

/**
 * Headless Chromium on this machine. Everything it writes stays in one temporary folder (profile,
 * temporary files, caches, crash reports), deleted when it stops; its processes are found by that
 * folder, by chromedriver's port and by Chromium's process id, so that none is left behind even when
 * it is killed mid-step. Selenium Manager never runs: chromedriver's path is always given.
 */
final class ChromeSession extends ChromiumSession {

    /** Chromium's switches: headless, and nothing that would reach out to the network on its own. */
    static final List<String> ARGUMENTS = List.of("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-extensions", "--disable-gpu", "--window-size=1280,800");

    /** The folder prefix, under java.io.tmpdir, of every Chromium this module starts. */
    static final String FOLDER_PREFIX = "postpatch-chromium-";

    private static final Duration QUIT_BOUND = Duration.ofSeconds(10);
    private static final Duration START_BOUND = Duration.ofSeconds(60);
    private static final Duration GONE_BOUND = Duration.ofSeconds(15);
    /** A page load may take as long as its probe allows; this only catches a chromedriver that stopped answering. */
    private static final Duration COMMAND_BOUND = Duration.ofMinutes(30);

    private final BrowserSettings.Chrome settings;
    private final Path root;
    private final Object lock = new Object();
    private final CompletableFuture<Void> startReturned = new CompletableFuture<>();
    private final CompletableFuture<Void> gone = new CompletableFuture<>();
    private volatile ChromeDriverService service;
    private volatile ChromeDriver driver;
    private final ChromeProcesses processes;
    private volatile String version = "";
    private boolean stopping;

    private ChromeSession(BrowserSettings.Chrome settings, Path root) {
        this.settings = settings;
        this.root = root;
        this.processes = new ChromeProcesses(root);
    }

    /** A session that is not started yet: its executables are there and its folder exists. */
    static ChromeSession prepare(BrowserSettings.Chrome settings) throws BrowserUnavailableException {
        requireExecutable(settings.driver(), "chromedriver", "driver", BrowserSettings.DRIVER_VARIABLE, "chromium-driver");
        requireExecutable(settings.binary(), "Chromium", "binary", BrowserSettings.BINARY_VARIABLE, "chromium");
        try {
            ChromeSession session = new ChromeSession(settings, Files.createTempDirectory(FOLDER_PREFIX));
            ShutdownGuard.watch(session);
            return session;
        } catch (IOException e) {
            throw new BrowserUnavailableException("cannot create a temporary folder for Chromium: " + e.getMessage(), e);
        }
    }

    private static void requireExecutable(Path path, String what, String key, String variable, String debianPackage)
            throws BrowserUnavailableException {
        String problem = !Files.exists(path) ? "no such file" : !Files.isRegularFile(path) ? "not a file"
                : !Files.isExecutable(path) ? "not executable" : null;
        if (problem != null) {
            throw new BrowserUnavailableException(what + " not found at " + path + " (" + problem + "); install Debian's "
                    + debianPackage + " package, or give its path with " + key + ": or " + variable);
        }
    }

    /** Starts chromedriver and Chromium; blocks until the browser answers. */
    void start() throws BrowserUnavailableException {
        try {
            ChromeDriverService newService = new ChromeDriverService.Builder()
                    .usingDriverExecutable(settings.driver().toFile())
                    .usingAnyFreePort()
                    .withEnvironment(environment())
                    .withLogFile(root.resolve("chromedriver.log").toFile())
                    .build();
            service = newService;
            processes.driverPort(newService.getUrl().getPort());
            stopIfStopping();
            ChromeDriver newDriver = new ChromeDriver(newService, options(),
                    ClientConfig.defaultConfig().readTimeout(COMMAND_BOUND));
            driver = newDriver;
            Object pid = newDriver.getCapabilities().getCapability("goog:processID");
            if (pid instanceof Number number) {
                processes.browserPid(number.longValue());
            }
            version = newDriver.getCapabilities().getBrowserVersion();
            stopIfStopping();
            watch(new ChromiumPages(newDriver, newDriver::executeCdpCommand));
        } catch (WebDriverException | IOException failed) {
            throw new BrowserUnavailableException("Chromium did not start: " + firstLine(failed.getMessage()), failed);
        } finally {
            startReturned.complete(null);
        }
    }

    private void stopIfStopping() throws BrowserUnavailableException {
        synchronized (lock) {
            if (stopping) {
                throw new BrowserUnavailableException("Chromium was stopped while it started");
            }
        }
    }

    private Map<String, String> environment() throws IOException {
        // Chromium writes temporary files, caches and crash reports by these; all of them go into root.
        return Map.of("TMPDIR", Files.createDirectories(root.resolve("tmp")).toString(),
                "HOME", Files.createDirectories(root.resolve("home")).toString(),
                "XDG_CONFIG_HOME", root.resolve("config").toString(),
                "XDG_CACHE_HOME", root.resolve("cache").toString());
    }

    private ChromeOptions options() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(settings.binary().toFile());
        options.addArguments(ARGUMENTS);
        options.addArguments("--user-data-dir=" + root.resolve("profile"));
        options.setPageLoadStrategy(PageLoadStrategy.NORMAL);
        options.setCapability("goog:loggingPrefs", ChromiumPages.browserLog());
        return options;
    }

    @Override
    public WebDriver driver() {
        return driver;
    }

    @Override
    public String describe() {
        return "chrome " + version;
    }

    @Override
    public boolean isAlive() {
        synchronized (lock) {
            if (stopping || driver == null) {
                return false;
            }
        }
        return processes.browserRuns();
    }

    @Override
    public void kill() {
        synchronized (lock) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        processes.kill();
        Thread cleaner = new Thread(this::cleanUp, "postpatch-chromium-cleanup");
        cleaner.setDaemon(true);
        cleaner.start();
    }

    /** After a kill: waits for a start in progress to give up, ends whatever still runs, deletes the folder. */
    private void cleanUp() {
        try {
            startReturned.get(START_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notReturned) {
            // a start that hangs this long is past saving; end what it made
        }
        ChromeDriverService stopped = service;
        if (stopped != null) {
            stopped.stop();
        }
        processes.removeAll(GONE_BOUND);
        ShutdownGuard.forget(this);
        gone.complete(null);
    }

    @Override
    public void close() {
        boolean orderly;
        synchronized (lock) {
            orderly = !stopping && driver != null;
        }
        if (orderly) {
            quitWithin(QUIT_BOUND);
        }
        kill();
        try {
            gone.get(START_BOUND.plus(GONE_BOUND).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (Exception tooSlow) {
            // the cleaner goes on in the background; nothing more can be done here
        }
    }

    private void quitWithin(Duration bound) {
        CompletableFuture<Void> quit = CompletableFuture.runAsync(() -> {
            driver.quit();
            service.stop();
        }, task -> {
            Thread thread = new Thread(task, "postpatch-chromium-quit");
            thread.setDaemon(true);
            thread.start();
        });
        try {
            quit.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (Exception notInTime) {
            // kill() follows
        }
    }

    static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "no reason given";
        }
        return text.strip().lines().findFirst().orElse("").strip();
    }
}
