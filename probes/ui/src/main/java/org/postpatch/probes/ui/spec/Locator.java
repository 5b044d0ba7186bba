package org.postpatch.probes.ui.spec;

import java.util.Locale;
import java.util.Objects;

/**
 * How a step finds an element: a CSS selector (the default), an XPath, the text of a link, or the
 * label of a form control ({@code <label>} text or {@code aria-label}).
 */
public record Locator(Strategy strategy, String value) {

    /** The ways to find an element, each named by its key in a probe file. */
    public enum Strategy {
        CSS, XPATH, LINK, LABEL;

        /** The key in a probe file, such as {@code xpath}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Locator {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(value, "value");
    }

    public static Locator css(String selector) {
        return new Locator(Strategy.CSS, selector);
    }

    /** How messages name it: {@code '#user'}, {@code xpath '//button[1]'}, {@code label 'User name'}. */
    public String describe() {
        String quoted = "'" + value + "'";
        return strategy == Strategy.CSS ? quoted : strategy.key() + " " + quoted;
    }

    @Override
    public String toString() {
        return describe();
    }
}
