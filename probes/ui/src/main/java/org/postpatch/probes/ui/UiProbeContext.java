package org.postpatch.probes.ui;

import java.nio.file.Path;
import org.openqa.selenium.WebDriver;
import org.postpatch.api.ProbeContext;

/**
 * The context of a Java probe that drives a browser. Declare it as the parameter of a {@code @Probe}
 * method:
 * <pre>{@code
 * @Probe(needs = "health", timeout = "30s")
 * void login(UiProbeContext ctx) {
 *     ctx.open("/login");
 *     ctx.browser().findElement(By.id("user")).sendKeys("demo");
 * }
 * }</pre>
 * The browser is the run's shared one, with the same lifecycle as for {@code ui} probes: lent to this
 * probe until its method returns, then cleared for the next; killed if the probe is abandoned at its
 * timeout; quit when the run ends. When the method fails, a picture of the page is attached to the
 * result and the page's URL and title are added to the reason.
 */
public interface UiProbeContext extends ProbeContext {

    /**
     * The browser, on a blank page with no cookies or storage from earlier probes. Which browser is
     * set by suite variables: {@code ui.browser} ({@code htmlunit}, the default, {@code chrome} or
     * {@code remote}), {@code ui.remote} (the grid's URL), {@code ui.driver} and {@code ui.binary}
     * (Chrome's paths, else {@code POSTPATCH_CHROMEDRIVER} and {@code POSTPATCH_CHROMIUM}, else
     * {@code /usr/bin/chromedriver} and {@code /usr/bin/chromium}). Page loads are bounded by the time
     * the probe has left. Every call within an attempt returns the same browser.
     */
    WebDriver browser();

    /**
     * Opens a page: an absolute URL, or a path taken from the suite variable {@code base} (or, without
     * it, {@code baseUri}), like {@code ctx.open("/login")}.
     */
    void open(String url);

    /**
     * Saves the page as it is now under this name (a PNG, or for htmlunit the page's HTML) into the
     * probe's attachment folder, attaches it to the probe's result, and returns the file.
     */
    Path screenshot(String name);
}
