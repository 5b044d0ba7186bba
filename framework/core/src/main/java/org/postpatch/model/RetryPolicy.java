package org.postpatch.model;

import java.time.Duration;
import java.util.Objects;
import org.postpatch.config.Durations;

/** Poll a probe every {@code every} until it passes or {@code until} has passed since the first try. */
public record RetryPolicy(Duration until, Duration every) {

    /** One attempt only. */
    public static final RetryPolicy NONE = new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1));

    public RetryPolicy {
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(every, "every");
        if (until.isNegative()) {
            throw new IllegalArgumentException("retry until must not be negative");
        }
        if (every.isZero() || every.isNegative()) {
            throw new IllegalArgumentException("retry every must be greater than 0");
        }
    }

    public boolean retries() {
        return !until.isZero();
    }

    @Override
    public String toString() {
        return retries() ? "retry every " + Durations.format(every) + " until " + Durations.format(until) : "no retry";
    }
}
