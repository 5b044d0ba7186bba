package org.postpatch.compare;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How a run is checked again before its result is believed.
 *
 * @param criteria what it is judged by (tolerances, the target's start)
 * @param warm     whether passing probes whose first sample could inflate their tolerance are measured
 *                 again warm: for runs that will serve as a baseline
 * @param settle   how long the target is left alone before failed probes run again
 * @param deadline the run's deadline ({@code --timeout}), or null: nothing runs again past it
 */
public record Plan(Criteria criteria, boolean warm, Duration settle, Instant deadline) {

    /** The pause before failed probes run again: long enough for a hiccup to pass, short next to a verdict. */
    public static final Duration SETTLE = Duration.ofMillis(500);

    public Plan {
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(settle, "settle");
    }

    /** A plan with the default settle; {@code runTimeout} (may be null) counts from {@code runStartedAt}. */
    public static Plan of(Criteria criteria, boolean warm, Instant runStartedAt, Duration runTimeout) {
        return new Plan(criteria, warm, SETTLE, runTimeout == null ? null : runStartedAt.plus(runTimeout));
    }

    /** The time left before the deadline, or null when there is none. */
    Duration timeLeft() {
        return deadline == null ? null : Duration.between(Instant.now(), deadline);
    }
}
