package org.postpatch.probes.ui.walk;

import org.postpatch.probes.ui.spec.Condition;
import org.postpatch.probes.ui.spec.Step;

/** How messages name a step: {@code click 'button[type=submit]'}, {@code wait for text 'Welcome'}. */
final class StepNames {

    private StepNames() {
    }

    static String describe(Step step) {
        if (step instanceof Step.Open open) {
            return "open '" + open.url() + "'";
        }
        if (step instanceof Step.Type type) {
            return "type into " + String.join(", ", type.fields().stream().map(f -> f.target().describe()).toList());
        }
        if (step instanceof Step.Select select) {
            return "select " + String.join(", ", select.choices().stream()
                    .map(choice -> "'" + choice.option() + "' in " + choice.target().describe()).toList());
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
        if (step instanceof Step.Expect expect) {
            return expect.name() + " " + expect.condition().expectation().describe();
        }
        if (step instanceof Step.Screenshot screenshot) {
            return "screenshot '" + screenshot.fileName() + "'";
        }
        return step.name();
    }
}
