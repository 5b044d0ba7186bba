package org.postpatch.probes.ui.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.htmlunit.BrowserVersion;
import org.htmlunit.ScriptException;
import org.htmlunit.SilentCssErrorHandler;
import org.htmlunit.WebClient;
import org.htmlunit.WebConsole;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.javascript.JavaScriptErrorListener;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.htmlunit.HtmlUnitDriver;
import org.postpatch.api.Outcome;

/**
 * HtmlUnit in this JVM, one per probe: a new {@link WebClient} has no cookies, storage, cache or
 * windows of any earlier probe. It renders no pixels, so its picture of a page is the page's HTML
 * as the scripts left it. Script errors never throw; they are collected as console errors.
 */
final class HtmlUnitSession implements Session {

    private final HtmlUnitDriver driver;
    private final List<String> errors = new ArrayList<>();
    private volatile boolean stopped;

    HtmlUnitSession() {
        driver = new HtmlUnitDriver(BrowserVersion.BEST_SUPPORTED, true);
        WebClient client = driver.getWebClient();
        client.getOptions().setThrowExceptionOnScriptError(false);
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
        client.getOptions().setPrintContentOnFailingStatusCode(false);
        client.getOptions().setDownloadImages(false);
        client.setCssErrorHandler(new SilentCssErrorHandler());
        client.setIncorrectnessListener((message, origin) -> { });
        client.setJavaScriptErrorListener(new ErrorCollector());
        client.getWebConsole().setLogger(new ConsoleCollector());
    }

    @Override
    public WebDriver driver() {
        return driver;
    }

    @Override
    public String describe() {
        return "htmlunit";
    }

    @Override
    public synchronized void beginProbe() {
        errors.clear();
    }

    @Override
    public void endProbe() {
        close();
    }

    @Override
    public void limitPageLoads(Duration bound) {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bound.toMillis()));
        WebClient client = driver.getWebClient();
        client.getOptions().setTimeout(millis);
        client.setJavaScriptTimeout(millis);
    }

    @Override
    public synchronized List<String> consoleErrors() {
        return List.copyOf(errors);
    }

    private synchronized void error(String message) {
        errors.add(message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " "));
    }

    @Override
    public Outcome.Attachment capture(Path folder, String baseName, UnaryOperator<String> redact) throws IOException {
        Path file = folder.resolve(baseName + ".html");
        Files.writeString(file, redact.apply(driver.getPageSource()), StandardCharsets.UTF_8);
        return new Outcome.Attachment(file, "text/html");
    }

    @Override
    public boolean isAlive() {
        return !stopped;
    }

    @Override
    public void kill() {
        close();
    }

    @Override
    public void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            // Closing the client stops its script threads and shuts its connections, which ends a read
            // that a server never answers.
            driver.quit();
        } catch (RuntimeException alreadyBroken) {
            // nothing to stop
        }
    }

    /** Uncaught script errors and scripts that failed to load. */
    private final class ErrorCollector implements JavaScriptErrorListener {
        @Override
        public void scriptException(HtmlPage page, ScriptException exception) {
            error(exception.getMessage() == null ? exception.toString() : exception.getMessage());
        }

        @Override
        public void timeoutError(HtmlPage page, long allowedTime, long executionTime) {
            error("a script ran longer than " + allowedTime + " ms on " + page.getUrl());
        }

        @Override
        public void malformedScriptURL(HtmlPage page, String url, java.net.MalformedURLException exception) {
            error("malformed script URL " + url + " on " + page.getUrl());
        }

        @Override
        public void loadScriptError(HtmlPage page, java.net.URL scriptUrl, Exception exception) {
            error("could not load script " + scriptUrl + ": " + exception.getMessage());
        }

        @Override
        public void warn(String message, String sourceName, int line, String lineSource, int lineOffset) {
            // warnings are not errors
        }
    }

    /** {@code console.error} calls; other console levels are ignored. */
    private final class ConsoleCollector implements WebConsole.Logger {
        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public void trace(Object message) {
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public void debug(Object message) {
        }

        @Override
        public boolean isInfoEnabled() {
            return false;
        }

        @Override
        public void info(Object message) {
        }

        @Override
        public boolean isWarnEnabled() {
            return false;
        }

        @Override
        public void warn(Object message) {
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        public void error(Object message) {
            HtmlUnitSession.this.error("console.error: " + message);
        }
    }
}
