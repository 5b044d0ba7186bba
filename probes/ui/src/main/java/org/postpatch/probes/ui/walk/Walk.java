package org.postpatch.probes.ui.walk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.postpatch.api.Outcome;
import org.postpatch.api.ProbeContext;
import org.postpatch.probes.ui.browser.Session;
import org.postpatch.probes.ui.spec.Step;
import org.postpatch.probes.ui.spec.UiSpec;

/**
 * One attempt of a {@code ui} probe in a leased browser session: opens the first page, runs the steps
 * in order, and stops at the first that fails, with a reason naming the step, what it waited for and
 * the page it was on, and a picture of that page attached.
 */
final class Walk {

    private final Session session;
    private final UiSpec spec;
    private final ProbeContext context;
    private final PageView page;
    private final Actions actions;
    private final List<Outcome.Attachment> pictures = new ArrayList<>();

    Walk(Session session, UiSpec spec, ProbeContext context, Budget budget) {
        this.session = session;
        this.spec = spec;
        this.context = context;
        Finder finder = new Finder(session.driver());
        this.page = new PageView(session.driver(), finder);
        this.actions = new Actions(session, spec.within(), budget, finder, page);
    }

    Outcome run() {
        String where = "open '" + spec.open() + "'";
        String stepPrefix = "";
        String evidenceName = "attempt-" + context.attempt() + "-open-failed";
        try {
            actions.open(spec.open());
            int number = 0;
            for (Step step : spec.steps()) {
                number++;
                stepPrefix = "step " + number + " ";
                where = stepPrefix + StepNames.describe(step);
                evidenceName = "attempt-" + context.attempt() + "-step-" + number + "-failed";
                run(step);
            }
        } catch (StepFailure failure) {
            String subject = failure.subject().isPresent() ? stepPrefix + failure.subject().get() : where;
            return failed(subject, failure.getMessage(), evidenceName, failure.isLate());
        } catch (WebDriverException broken) {
            return failed(where, Reasons.of(broken), evidenceName, false);
        }
        int steps = spec.steps().size();
        String url = page.url();
        Outcome passed = Outcome.passed((steps == 0 ? "opened" : steps + (steps == 1 ? " step" : " steps") + " passed")
                + " in " + session.describe() + ", ending " + PageView.where(url, page.title()));
        for (Outcome.Attachment picture : pictures) {
            passed = passed.withAttachment(picture.file(), picture.mediaType());
        }
        return passed.withDetail("browser", session.describe()).withDetail("url", url);
    }

    private void run(Step step) throws StepFailure {
        if (step instanceof Step.Open open) {
            actions.open(open.url());
        } else if (step instanceof Step.Type type) {
            for (Step.Field field : type.fields()) {
                String subject = type.fields().size() > 1 ? "type into " + field.target().describe() : null;
                actions.act(subject, field.target(), "typed into", element -> {
                    element.clear();
                    element.sendKeys(field.text());
                });
            }
        } else if (step instanceof Step.Select select) {
            for (Step.Choice choice : select.choices()) {
                String subject = select.choices().size() > 1
                        ? "select '" + choice.option() + "' in " + choice.target().describe() : null;
                actions.act(subject, choice.target(), "selected",
                        element -> new Select(element).selectByVisibleText(choice.option()));
            }
        } else if (step instanceof Step.Click click) {
            actions.act(null, click.target(), "clicked", WebElement::click);
        } else if (step instanceof Step.Submit submit) {
            actions.act(null, submit.target(), "submitted", WebElement::submit);
        } else if (step instanceof Step.Wait wait) {
            actions.waitFor(wait.condition(), wait.within().orElse(spec.within()));
        } else if (step instanceof Step.Expect expect) {
            actions.check(expect.condition());
        } else if (step instanceof Step.NoConsoleErrors) {
            actions.noConsoleErrors();
        } else if (step instanceof Step.Screenshot screenshot) {
            try {
                pictures.add(session.capture(context.attachments(), screenshot.fileName(), context::redact));
            } catch (IOException | IllegalStateException cannotSave) {
                throw new StepFailure("could not save it: " + cannotSave.getMessage());
            }
        }
    }

    private Optional<Outcome.Attachment> picture(String baseName) {
        try {
            return Optional.of(session.capture(context.attachments(), baseName, context::redact));
        } catch (IOException | WebDriverException | IllegalStateException noPicture) {
            return Optional.empty();
        }
    }

    private Outcome failed(String where, String reason, String evidenceName, boolean late) {
        String url = page.url();
        String title = page.title();
        String message = where + ": " + reason + "; " + PageView.where(url, title);
        Outcome failed = (late ? Outcome.late(message) : Outcome.failed(message))
                .withDetail("browser", session.describe())
                .withDetail("url", url)
                .withDetail("title", title);
        for (Outcome.Attachment picture : pictures) {
            failed = failed.withAttachment(picture.file(), picture.mediaType());
        }
        Optional<Outcome.Attachment> evidence = picture(evidenceName);
        if (evidence.isPresent()) {
            failed = failed.withAttachment(evidence.get().file(), evidence.get().mediaType());
        }
        return failed;
    }
}
