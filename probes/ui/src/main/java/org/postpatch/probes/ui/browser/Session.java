package org.postpatch.probes.ui.browser;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.openqa.selenium.WebDriver;
import org.postpatch.api.Outcome;

/**
 * One live browser session and what postpatch needs around its {@link WebDriver}: fresh state per
 * probe, console errors, a picture of the page, and a way to stop it from any thread.
 */
public interface Session {

    WebDriver driver();

    /** How messages name the browser, such as {@code chrome 156.0.8078.108}. */
    String describe();

    /** Called when a probe takes the session: forgets the console errors of earlier probes. */
    void beginProbe();

    /** Called when the probe is done with it: clears cookies, storage and extra windows for the next one. */
    void endProbe() throws Exception;

    /** Bounds how long a page may take to load from now on (open, and clicks or submits that navigate). */
    void limitPageLoads(Duration bound);

    /** The console errors (uncaught script errors, {@code console.error}) since {@link #beginProbe()}. */
    List<String> consoleErrors();

    /**
     * Saves the page as it is now into {@code folder} as {@code baseName} plus an extension: a PNG
     * screenshot where the browser renders pixels, the page's HTML (secrets masked) where it does not.
     */
    Outcome.Attachment capture(Path folder, String baseName, UnaryOperator<String> redact) throws IOException;

    /** False once the session was stopped or its browser went away. */
    boolean isAlive();

    /** Stops the browser now, from any thread, without waiting for it to answer. Safe to call twice. */
    void kill();

    /** Quits the browser in order (or kills it when it does not answer) and waits until nothing of it is left. */
    void close();
}
