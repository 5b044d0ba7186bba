package org.postpatch.probes.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.postpatch.api.ForwardingProbeContext;
import org.postpatch.api.Outcome;
import org.postpatch.api.ProbeContext;
import org.postpatch.probes.ui.browser.BrowserSettings;
import org.postpatch.probes.ui.browser.BrowserUnavailableException;
import org.postpatch.probes.ui.browser.Browsers;
import org.postpatch.probes.ui.browser.Lease;

/** The {@link UiProbeContext} of one attempt: the attempt's own context, plus a browser taken on first use. */
final class LeasedBrowserContext extends ForwardingProbeContext implements UiProbeContext {

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    /** Kept back from the probe's time for the picture of a failed page. */
    private static final Duration RESERVE = Duration.ofMillis(500);
    private static final List<String> SELENIUM_DETAILS = List.of(" (Session info:", " For documentation on this error",
            " Build info:", " System info:", " Driver info:");

    private final ProbeContext attempt;
    private final Map<String, String> environment;
    private final List<Outcome.Attachment> pictures = new ArrayList<>();
    private Lease lease;

    LeasedBrowserContext(ProbeContext attempt, Map<String, String> environment) {
        this.attempt = attempt;
        this.environment = environment;
    }

    @Override
    protected ProbeContext delegate() {
        return attempt;
    }

    @Override
    public synchronized WebDriver browser() {
        if (lease == null) {
            lease = take();
        }
        return lease.session().driver();
    }

    private Lease take() {
        BrowserSettings.Parsed parsed = BrowserSettings.parse(attempt.variable("ui.browser"),
                attempt.variable("ui.remote"), attempt.variable("ui.driver"), attempt.variable("ui.binary"), environment);
        BrowserSettings settings = parsed.settings().orElseThrow(() -> new IllegalStateException(
                String.join("; ", parsed.problems().stream().map(p -> "suite variable ui." + p.key() + ": " + p.message())
                        .toList())));
        Duration wait = attempt.remaining().minus(RESERVE);
        try {
            Lease taken = Browsers.of(attempt).lease(settings, wait.isNegative() ? Duration.ZERO : wait, attempt);
            taken.session().limitPageLoads(attempt.remaining());
            return taken;
        } catch (BrowserUnavailableException unavailable) {
            throw new IllegalStateException(unavailable.getMessage(), unavailable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the browser", interrupted);
        }
    }

    @Override
    public void open(String url) {
        String target = URI.create(url).isAbsolute() ? url : base()
                .map(b -> b.replaceAll("/+$", "") + (url.startsWith("/") ? url : "/" + url))
                .orElseThrow(() -> new IllegalStateException("cannot open '" + url
                        + "': it is relative and the suite has no variable base (or baseUri)"));
        browser().get(target);
    }

    private Optional<String> base() {
        return attempt.variable("base").or(() -> attempt.variable("baseUri")).filter(b -> !b.isBlank());
    }

    @Override
    public synchronized Path screenshot(String name) {
        if (!FILE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a screenshot name is letters, digits, '.', '_' and '-', not '" + name + "'");
        }
        browser();
        try {
            Outcome.Attachment picture = lease.session().capture(attempt.attachments(), name, attempt::redact);
            pictures.add(picture);
            return picture.file();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the screenshot '" + name + "': " + e.getMessage(), e);
        }
    }

    /** After the method: on failure, the page's place and picture; then the browser goes back. */
    synchronized Outcome finish(Outcome outcome) {
        Outcome finished = outcome;
        if (lease != null && outcome.status() == org.postpatch.api.ProbeStatus.FAILED) {
            finished = withEvidence(finished);
        }
        for (Outcome.Attachment picture : pictures) {
            finished = finished.withAttachment(picture.file(), picture.mediaType());
        }
        if (lease != null) {
            lease.release();
        }
        return finished;
    }

    private Outcome withEvidence(Outcome failed) {
        try {
            WebDriver driver = lease.session().driver();
            String where = "; on " + driver.getCurrentUrl() + " ('" + driver.getTitle() + "')";
            Outcome.Attachment picture = lease.session().capture(attempt.attachments(),
                    "attempt-" + attempt.attempt() + "-failed", attempt::redact);
            return failed.withMessage(withoutSeleniumDetails(failed.message()) + where)
                    .withAttachment(picture.file(), picture.mediaType());
        } catch (IOException | WebDriverException noEvidence) {
            return failed;
        }
    }

    /**
     * A WebDriver exception's message without what Selenium adds after the reason (documentation link,
     * build, system, driver and session details), which would crowd out the page it happened on.
     */
    static String withoutSeleniumDetails(String message) {
        int cut = message.length();
        for (String marker : SELENIUM_DETAILS) {
            int at = message.indexOf(marker);
            if (at > 0 && at < cut) {
                cut = at;
            }
        }
        return message.substring(0, cut).strip();
    }
}
