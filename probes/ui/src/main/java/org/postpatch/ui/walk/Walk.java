package org.postpatch.ui.walk;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.openqa.selenium.InvalidElementStateException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.postpatch.api.Outcome;
import org.postpatch.api.ProbeContext;
import org.postpatch.ui.browser.Session;
import org.postpatch.ui.spec.Condition;
import org.postpatch.ui.spec.Locator;
import org.postpatch.ui.spec.Step;
import org.postpatch.ui.spec.UiSpec;

/**
 * One attempt of a {@code ui} probe in a leased browser session: opens the first page, runs the steps
 * in order, and stops at the first that fails, with a reason naming the step, what it waited for and
 * the page it was on, and a picture of that page attached.
 */
final class Walk {

    private static final int MAX_ERRORS_SHOWN = 3;

    private final Session session;
    private final WebDriver driver;
    private final UiSpec spec;
    private final ProbeContext context;
    private final Budget budget;
    private final Finder finder;
    private final PageView page;
    private final List<Outcome.Attachment> pictures = new ArrayList<>();

    Walk(Session session, UiSpec spec, ProbeContext context, Budget budget) {
        this.session = session;
        this.driver = session.driver();
        this.spec = spec;
        this.context = context;
        this.budget = budget;
        this.finder = new Finder(driver);
        this.page = new PageView(driver, finder);
    }

    Outcome run() {
        String where = "open '" + spec.open() + "'";
        String stepPrefix = "";
        String evidenceName = "attempt-" + context.attempt() + "-open-failed";
        try {
            open(spec.open());
            int number = 0;
            for (Step step : spec.steps()) {
                number++;
                stepPrefix = "step " + number + " ";
                where = stepPrefix + describe(step);
                evidenceName = "attempt-" + context.attempt() + "-step-" + number + "-failed";
                run(step);
            }
        } catch (StepFailure failure) {
            String subject = failure.subject().isPresent() ? stepPrefix + failure.subject().get() : where;
            return failed(subject, failure.getMessage(), evidenceName);
        } catch (WebDriverException broken) {
            return failed(where, Reasons.of(broken), evidenceName);
        }
        int steps = spec.steps().size();
        Outcome passed = Outcome.passed((steps == 0 ? "opened" : steps + (steps == 1 ? " step" : " steps") + " passed")
                + " in " + session.describe() + ", ending " + page.where());
        for (Outcome.Attachment picture : pictures) {
            passed = passed.withAttachment(picture.file(), picture.mediaType());
        }
        return passed.withDetail("browser", session.describe()).withDetail("url", page.url());
    }

    private void run(Step step) throws StepFailure {
        if (step instanceof Step.Open open) {
            open(open.url());
        } else if (step instanceof Step.Type type) {
            for (Step.Field field : type.fields()) {
                String subject = type.fields().size() > 1 ? "type into " + field.target().describe() : null;
                act(subject, field.target(), "typed into", element -> {
                    element.clear();
                    element.sendKeys(field.text());
                });
            }
        } else if (step instanceof Step.Select select) {
            for (Step.Choice choice : select.choices()) {
                String subject = select.choices().size() > 1 ? "select '" + choice.option() + "' in " + choice.target().describe() : null;
                act(subject, choice.target(), "selected", element -> new Select(element).selectByVisibleText(choice.option()));
            }
        } else if (step instanceof Step.Click click) {
            act(null, click.target(), "clicked", WebElement::click);
        } else if (step instanceof Step.Submit submit) {
            act(null, submit.target(), "submitted", WebElement::submit);
        } else if (step instanceof Step.Wait wait) {
            waitFor(wait);
        } else if (step instanceof Step.Check check) {
            PageView.Observation seen = page.observe(check.condition());
            if (!seen.met()) {
                throw new StepFailure(seen.found());
            }
        } else if (step instanceof Step.NoConsoleErrors) {
            noConsoleErrors();
        } else if (step instanceof Step.Screenshot screenshot) {
            picture(screenshot.fileName()).ifPresent(pictures::add);
        }
    }

    private void open(String url) throws StepFailure {
        String target = resolve(url);
        Budget.Bound bound = budget.bound(budget.left());
        session.limitPageLoads(bound.duration());
        try {
            driver.get(target);
        } catch (WebDriverException failed) {
            if (Reasons.isPageTimeout(failed)) {
                throw new StepFailure("the page did not load within " + bound.describe());
            }
            throw new StepFailure(Reasons.of(failed));
        }
    }

    /** A relative URL is taken from the current page, as a link would be. */
    private String resolve(String url) {
        String current = page.url();
        if (current.startsWith("http://") || current.startsWith("https://") || current.startsWith("file:")) {
            return URI.create(current).resolve(url.replace(" ", "%20")).toString();
        }
        return url;
    }

    /** Something done to an element. */
    @FunctionalInterface
    private interface Action {
        void on(WebElement element);
    }

    /**
     * Waits (up to the probe's {@code within}) for a visible element that accepts the action, then does
     * it. A page load the action starts is bounded by what is left of the probe's time.
     */
    private void act(String subject, Locator target, String done, Action action) throws StepFailure {
        Budget.Bound bound = budget.bound(spec.within());
        Budget.Bound loading = budget.bound(budget.left());
        session.limitPageLoads(loading.duration());
        AtomicReference<String> why = new AtomicReference<>("no element matches");
        AtomicReference<String> detail = new AtomicReference<>("");
        boolean acted;
        try {
            acted = Polling.until(bound.duration(), () -> {
                List<WebElement> all = finder.all(target);
                List<WebElement> shown = finder.visible(target);
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
                throw new StepFailure(subject, "the next page did not load within " + loading.describe()
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

    private void waitFor(Step.Wait wait) throws StepFailure {
        Budget.Bound bound = budget.bound(wait.within().orElse(spec.within()));
        AtomicReference<PageView.Observation> last = new AtomicReference<>();
        boolean met = Polling.until(bound.duration(), () -> {
            try {
                PageView.Observation seen = page.observe(wait.condition());
                last.set(seen);
                return seen.met();
            } catch (StaleElementReferenceException changing) {
                return false;
            }
        });
        if (!met) {
            String missed = wait.condition().present() ? "not there within " : "still there after ";
            String found = last.get() == null ? "the page kept changing" : last.get().found();
            throw new StepFailure(missed + bound.describe() + ": " + found);
        }
    }

    private void noConsoleErrors() throws StepFailure {
        List<String> errors = session.consoleErrors();
        if (errors.isEmpty()) {
            return;
        }
        List<String> shown = errors.subList(0, Math.min(MAX_ERRORS_SHOWN, errors.size()));
        String more = errors.size() > shown.size() ? " (and " + (errors.size() - shown.size()) + " more)" : "";
        throw new StepFailure(errors.size() + (errors.size() == 1 ? " console error: " : " console errors: ")
                + String.join(" | ", shown) + more);
    }

    private Optional<Outcome.Attachment> picture(String baseName) {
        try {
            return Optional.of(session.capture(context.attachments(), baseName, context::redact));
        } catch (IOException | WebDriverException | IllegalStateException noPicture) {
            return Optional.empty();
        }
    }

    private Outcome failed(String where, String reason, String evidenceName) {
        String on = page.where();
        Outcome failed = Outcome.failed(where + ": " + reason + "; " + on)
                .withDetail("browser", session.describe())
                .withDetail("url", page.url())
                .withDetail("title", page.title());
        for (Outcome.Attachment picture : pictures) {
            failed = failed.withAttachment(picture.file(), picture.mediaType());
        }
        Optional<Outcome.Attachment> evidence = picture(evidenceName);
        if (evidence.isPresent()) {
            failed = failed.withAttachment(evidence.get().file(), evidence.get().mediaType());
        }
        return failed;
    }

    /** How a message names a step: {@code click 'button[type=submit]'}, {@code wait for text 'Welcome'}. */
    static String describe(Step step) {
        if (step instanceof Step.Open open) {
            return "open '" + open.url() + "'";
        }
        if (step instanceof Step.Type type) {
            return "type into " + String.join(", ", type.fields().stream().map(f -> f.target().describe()).toList());
        }
        if (step instanceof Step.Select select) {
            return "select " + String.join(", ", select.choices().stream()
                    .map(c -> "'" + c.option() + "' in " + c.target().describe()).toList());
        }
        if (step instanceof Step.Click click) {
            return "click " + click.target().describe();
        }
        if (step instanceof Step.Submit submit) {
            return "submit " + submit.target().describe();
        }
        if (step instanceof Step.Wait wait) {
            Condition condition = wait.condition();
            return condition.present() ? "wait for " + condition.expectation().describe()
                    : "wait until " + condition.expectation().describe() + " is gone";
        }
        if (step instanceof Step.Check check) {
            return check.name() + " " + check.condition().expectation().describe();
        }
        if (step instanceof Step.Screenshot screenshot) {
            return "screenshot '" + screenshot.fileName() + "'";
        }
        return step.name();
    }
}
