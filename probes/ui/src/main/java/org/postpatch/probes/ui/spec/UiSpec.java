package org.postpatch.probes.ui.spec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.postpatch.probes.ui.browser.BrowserSettings;

/**
 * A {@code ui} probe as declared: the browser, the page to open first, how long element steps wait
 * for their element ({@code within}), and the steps.
 */
public record UiSpec(BrowserSettings browser, String open, Duration within, List<Step> steps) {

    /** How long a step waits for its element when neither the step nor the probe says. */
    public static final Duration DEFAULT_WITHIN = Duration.ofSeconds(5);

    public UiSpec {
        Objects.requireNonNull(browser, "browser");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(within, "within");
        steps = List.copyOf(steps);
    }
}
