package org.postpatch.probes.ui.walk;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.openqa.selenium.InvalidElementStateException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.postpatch.probes.ui.browser.Session;
import org.postpatch.probes.ui.spec.Condition;
import org.postpatch.probes.ui.spec.Locator;

/**
 * What the steps do in the browser, each within its bound: opening pages, acting on elements once
 * they are there, waiting for conditions, reading console errors. A step that cannot do its part
 * throws a {@link StepFailure} saying what it expected and what it found.
 */
final class Actions {

    private static final int MAX_ERRORS_SHOWN = 3;
    /** Actions that usually load a page; before them the page-load bound is set to what the probe has left. */
    private static final java.util.Set<String> MAY_NAVIGATE = java.util.Set.of("clicked", "submitted");

    /** Something done to an element. */
    @FunctionalInterface
    interface Action {
        void on(WebElement element);
    }

    private final Session session;
    private final Duration within;
    private final Budget budget;
    private final Finder finder;
    private final PageView page;

    Actions(Session session, Duration within, Budget budget, Finder finder, PageView page) {
        this.session = session;
        this.within = within;
        this.budget = budget;
        this.finder = finder;
        this.page = page;
    }

    /** Goes to a URL, a relative one taken from the current page; the load may take what the probe has left. */
    void open(String url) throws StepFailure {
        String target = resolve(url);
        Budget.Bound bound = budget.bound(budget.left());
        session.limitPageLoads(bound.duration());
        try {
            session.driver().get(target);
        } catch (WebDriverException failed) {
            if (Reasons.isPageTimeout(failed)) {
                throw StepFailure.late(null, "the page did not load within " + bound.describe());
            }
            throw new StepFailure(Reasons.of(failed));
        }
    }

    private String resolve(String url) {
        if (URI.create(url.replace(" ", "%20")).isAbsolute()) {
            return url;
        }
        String current = page.url();
        if (current.startsWith("http://") || current.startsWith("https://") || current.startsWith("file:")) {
            return URI.create(current).resolve(url.replace(" ", "%20")).toString();
        }
        return url;
    }

    /**
     * Waits (up to the probe's {@code within}) for a visible element that accepts the action, then does
     * it. A page load a click or submit starts may take what is left of the probe's time.
     *
     * @param subject what to name in the failure instead of the whole step, or null
     * @param done    the past participle for messages: {@code clicked}, {@code typed into}
     */
    void act(String subject, Locator target, String done, Action action) throws StepFailure {
        Budget.Bound bound = budget.bound(within);
        Budget.Bound loading = budget.bound(budget.left());
        if (MAY_NAVIGATE.contains(done)) {
            session.limitPageLoads(loading.duration());
        }
        AtomicReference<String> why = new AtomicReference<>("no element matches");
        AtomicReference<String> detail = new AtomicReference<>("");
        boolean acted;
        try {
            acted = Polling.until(bound.duration(), () -> {
                List<WebElement> all = finder.all(target);
                // A single match is tried at once: the action itself refuses an element that is hidden.
                List<WebElement> shown = all.size() == 1 ? all : Finder.visible(all);
                detail.set("");
                if (shown.isEmpty()) {
                    why.set(all.isEmpty() ? "no element matches" : all.size() == 1 ? "the only matching element is hidden"
                            : "all " + all.size() + " matching elements are hidden");
                    return false;
                }
                try {
                    action.on(shown.get(0));
                    return true;
                } catch (InvalidElementStateException | StaleElementReferenceException notYet) {
                    why.set("the element could not be " + done);
                    detail.set(": " + Reasons.of(notYet));
                    return false;
                } catch (NoSuchElementException noOption) {
                    why.set(Reasons.of(noOption).replaceFirst("^Cannot locate option with text: (.*)$", "no option '$1'"));
                    detail.set(options(shown.get(0)));
                    return false;
                }
            });
        } catch (WebDriverException failed) {
            if (Reasons.isPageTimeout(failed)) {
                throw StepFailure.late(subject, "the next page did not load within " + loading.describe()
                        + " after the element was " + done);
            }
            throw new StepFailure(subject, Reasons.of(failed));
        }
        if (!acted) {
            throw new StepFailure(subject, why.get() + " within " + bound.describe() + detail.get());
        }
    }

    /** For a select whose option is missing: the options it has. */
    private static String options(WebElement element) {
        try {
            List<String> texts = new Select(element).getOptions().stream()
                    .map(option -> "'" + PageView.normalize(option.getText()) + "'").toList();
            return texts.isEmpty() ? "; it has no options" : "; its options are " + String.join(", ", texts);
        } catch (WebDriverException notASelect) {
            return "";
        }
    }

    /** Polls until the condition holds, up to {@code wanted} (or what the probe has left). */
    void waitFor(Condition condition, Duration wanted) throws StepFailure {
        Budget.Bound bound = budget.bound(wanted);
        AtomicReference<PageView.Observation> last = new AtomicReference<>();
        boolean met = Polling.until(bound.duration(), () -> {
            try {
                PageView.Observation seen = page.observe(condition);
                last.set(seen);
                return seen.met();
            } catch (StaleElementReferenceException changing) {
                return false;
            }
        });
        if (!met) {
            String missed = condition.present() ? "not there within " : "still there after ";
            String found = last.get() == null ? "the page kept changing" : last.get().found();
            throw new StepFailure(missed + bound.describe() + ": " + found);
        }
    }

    /** Checks the condition once, now. */
    void check(Condition condition) throws StepFailure {
        PageView.Observation seen = page.observe(condition);
        if (!seen.met()) {
            throw new StepFailure(seen.found());
        }
    }

    void noConsoleErrors() throws StepFailure {
        List<String> errors = session.consoleErrors();
        if (errors.isEmpty()) {
            return;
        }
        List<String> shown = errors.subList(0, Math.min(MAX_ERRORS_SHOWN, errors.size()));
        String more = errors.size() > shown.size() ? " (and " + (errors.size() - shown.size()) + " more)" : "";
        throw new StepFailure(errors.size() + (errors.size() == 1 ? " console error: " : " console errors: ")
                + String.join(" | ", shown) + more);
    }
}
