package org.postpatch.probes.ui.walk;

import java.time.Duration;
import org.postpatch.api.ProbeContext;
import org.postpatch.config.Durations;

/**
 * The time an attempt's steps may use: what is left of the probe's timeout, minus a reserve for
 * taking the screenshot and reporting (a quarter of the timeout, at most a second). A step that would wait longer than that fails with its own
 * reason (and evidence) before the probe times out.
 */
final class Budget {

    private static final Duration MAX_RESERVE = Duration.ofSeconds(1);

    private final ProbeContext context;
    private final Duration reserve;

    Budget(ProbeContext context) {
        this.context = context;
        Duration quarter = context.timeout().dividedBy(4);
        this.reserve = quarter.compareTo(MAX_RESERVE) < 0 ? quarter : MAX_RESERVE;
    }

    /** The time left for steps. */
    Duration left() {
        Duration left = context.remaining().minus(reserve);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** {@code wanted}, or less when the probe has less time left. */
    Bound bound(Duration wanted) {
        Duration left = left();
        return wanted.compareTo(left) <= 0 ? new Bound(wanted, false) : new Bound(left, true);
    }

    /** How long a step may wait, and whether the probe's timeout cut it short. */
    record Bound(Duration duration, boolean cut) {
        /** {@code 5s}, or {@code 1.2s (all the probe had left)}. */
        String describe() {
            return Durations.format(duration) + (cut ? " (all the probe had left)" : "");
        }
    }
}
