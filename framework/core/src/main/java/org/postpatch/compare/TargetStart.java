package org.postpatch.compare;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When the target last started, as far as postpatch knows, and how it knows: the moment
 * {@code verify --wait} first saw it answer, the start of the application's process (embedded), or
 * {@link #UNKNOWN}. Right after a start the first requests are slow (templates compile, pools fill,
 * the JIT has compiled nothing): a run within {@link #FRESH_FOR} of it re-measures its timeouts and
 * {@code within} misses once the target is warm before judging them.
 *
 * @param at  when the target started, or null when unknown
 * @param how how that is known, for messages ("answered --wait", "application process start")
 */
public record TargetStart(Instant at, String how) {

    /** How long after its start a target still counts as fresh. */
    public static final Duration FRESH_FOR = Duration.ofMinutes(5);

    /** Nothing is known about when the target started. */
    public static final TargetStart UNKNOWN = new TargetStart(null, "unknown");

    public TargetStart {
        Objects.requireNonNull(how, "how");
    }

    /** The target first answered at this instant ({@code --wait}). */
    public static TargetStart answeredAt(Instant at) {
        return new TargetStart(Objects.requireNonNull(at, "at"), "first answered --wait");
    }

    /** The target's process started at this instant. */
    public static TargetStart processStartedAt(Instant at) {
        return new TargetStart(Objects.requireNonNull(at, "at"), "application process start");
    }

    public boolean known() {
        return at != null;
    }

    /** True when a run starting at {@code runStartedAt} is right after the target started. */
    public boolean fresh(Instant runStartedAt) {
        return at != null && !runStartedAt.isAfter(at.plus(FRESH_FOR));
    }
}
