package org.postpatch.probes.ui.spec;

import java.util.Objects;

/** An expectation that must hold ({@code see}) or must not ({@code notSee}). */
public record Condition(Expectation expectation, boolean present) {

    public Condition {
        Objects.requireNonNull(expectation, "expectation");
    }

    public static Condition see(Expectation expectation) {
        return new Condition(expectation, true);
    }

    public static Condition notSee(Expectation expectation) {
        return new Condition(expectation, false);
    }
}
