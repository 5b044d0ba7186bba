package org.postpatch.probes.ui.spec;

import java.util.Objects;
import java.util.OptionalInt;

/** Something a page shows: a text, matching elements (optionally how many), a title or a URL. */
public sealed interface Expectation {

    /** How messages name it, such as {@code text 'Welcome'} or {@code 3 elements '#orders li'}. */
    String describe();

    /** The page's visible text contains this text (whitespace runs count as one space). */
    record Text(String text) implements Expectation {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String describe() {
            return "text '" + text + "'";
        }
    }

    /** Visible elements match the locator: at least one, or exactly {@code count}. */
    record Element(Locator locator, OptionalInt count) implements Expectation {
        public Element {
            Objects.requireNonNull(locator, "locator");
            Objects.requireNonNull(count, "count");
        }

        @Override
        public String describe() {
            if (count.isEmpty()) {
                return "element " + locator.describe();
            }
            return count.getAsInt() + (count.getAsInt() == 1 ? " element " : " elements ") + locator.describe();
        }
    }

    /** The page's title contains this text. */
    record Title(String part) implements Expectation {
        public Title {
            Objects.requireNonNull(part, "part");
        }

        @Override
        public String describe() {
            return "title containing '" + part + "'";
        }
    }

    /** The page's URL contains this text. */
    record Url(String part) implements Expectation {
        public Url {
            Objects.requireNonNull(part, "part");
        }

        @Override
        public String describe() {
            return "URL containing '" + part + "'";
        }
    }
}
