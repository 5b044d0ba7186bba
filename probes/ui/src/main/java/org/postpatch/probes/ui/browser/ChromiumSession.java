package org.postpatch.probes.ui.browser;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.postpatch.api.Outcome;

/**
 * A session on a Chromium browser, started here or on a grid: what a probe does with its pages
 * (console errors, page-load bounds, screenshots) goes through the same {@link ChromiumPages}.
 */
abstract class ChromiumSession implements Session {

    private volatile ChromiumPages pages;

    /** The browser has started and its pages are watched through {@code started}. */
    final void watch(ChromiumPages started) {
        this.pages = started;
    }

    @Override
    public void beginProbe() {
        pages.beginProbe();
    }

    @Override
    public void endProbe() {
        pages.endProbe();
    }

    @Override
    public void limitPageLoads(Duration bound) {
        pages.limitPageLoads(bound);
    }

    @Override
    public List<String> consoleErrors() {
        return pages.consoleErrors();
    }

    @Override
    public Outcome.Attachment capture(Path folder, String baseName, UnaryOperator<String> redact) throws IOException {
        return pages.screenshot(folder, baseName);
    }
}
