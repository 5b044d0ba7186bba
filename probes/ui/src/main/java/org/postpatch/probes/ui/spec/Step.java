package org.postpatch.probes.ui.spec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One step of a {@code ui} probe, as written under {@code steps}. */
public sealed interface Step {

    /** The step's key in a probe file, such as {@code click}. */
    String name();

    /** Goes to a URL; a relative one is taken from the current page. */
    record Open(String url) implements Step {
        public Open {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String name() {
            return "open";
        }
    }

    /** Replaces the text of form fields; the text itself is never shown in any message. */
    record Type(List<Field> fields) implements Step {
        public Type {
            fields = List.copyOf(fields);
        }

        @Override
        public String name() {
            return "type";
        }
    }

    /** A field and what to type into it. */
    record Field(Locator target, String text) {
        public Field {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(text, "text");
        }
    }

    /** Picks options of {@code <select>} elements by their visible text. */
    record Select(List<Choice> choices) implements Step {
        public Select {
            choices = List.copyOf(choices);
        }

        @Override
        public String name() {
            return "select";
        }
    }

    /** A {@code <select>} element and the visible text of the option to pick. */
    record Choice(Locator target, String option) {
        public Choice {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(option, "option");
        }
    }

    /** Clicks an element. */
    record Click(Locator target) implements Step {
        public Click {
            Objects.requireNonNull(target, "target");
        }

        @Override
        public String name() {
            return "click";
        }
    }

    /** Submits the form an element belongs to (or the form itself). */
    record Submit(Locator target) implements Step {
        public Submit {
            Objects.requireNonNull(target, "target");
        }

        @Override
        public String name() {
            return "submit";
        }
    }

    /** Polls until the condition holds, for {@code within} or the probe's default. */
    record Wait(Condition condition, Optional<Duration> within) implements Step {
        public Wait {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(within, "within");
        }

        @Override
        public String name() {
            return "wait";
        }
    }

    /** Expects the condition to hold once, now: {@code see} or {@code notSee}. */
    record Expect(Condition condition) implements Step {
        public Expect {
            Objects.requireNonNull(condition, "condition");
        }

        @Override
        public String name() {
            return condition.present() ? "see" : "notSee";
        }
    }

    /** Fails when the browser reported console errors since the probe began. */
    record NoConsoleErrors() implements Step {
        @Override
        public String name() {
            return "noConsoleErrors";
        }
    }

    /** Saves the page as it is now under a name, attached to the probe's result. */
    record Screenshot(String fileName) implements Step {
        public Screenshot {
            Objects.requireNonNull(fileName, "fileName");
        }

        @Override
        public String name() {
            return "screenshot";
        }
    }
}
