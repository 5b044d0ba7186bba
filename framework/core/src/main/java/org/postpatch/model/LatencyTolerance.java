package org.postpatch.model;

import java.time.Duration;
import java.util.Objects;
import org.postpatch.api.Severity;
import org.postpatch.config.Durations;

/**
 * When a probe counts as SLOWER than its baseline: when it took more than {@code ratio} times its
 * baseline time plus {@code margin}. The margin absorbs the jitter of fast probes (a 2 ms probe
 * taking 9 ms is noise, not drift); the ratio scales with slow ones. SLOWER is a warning unless
 * {@code severity} is critical.
 */
public record LatencyTolerance(double ratio, Duration margin, Severity severity, boolean enabled) {

    /**
     * The default: more than twice as slow and 250 ms more. Chosen so that repeated verify runs
     * against an unchanged local server on a shared, noisy machine report nothing.
     */
    public static final LatencyTolerance DEFAULT = new LatencyTolerance(2.0, Duration.ofMillis(250), Severity.WARNING, true);

    /** Never report SLOWER. */
    public static final LatencyTolerance OFF = new LatencyTolerance(2.0, Duration.ofMillis(250), Severity.WARNING, false);

    public LatencyTolerance {
        if (ratio < 1.0) {
            throw new IllegalArgumentException("latency ratio must be at least 1.0, was " + ratio);
        }
        Objects.requireNonNull(margin, "margin");
        Objects.requireNonNull(severity, "severity");
    }

    /** True when {@code now} is beyond the tolerance around {@code baseline}. */
    public boolean isSlower(Duration baseline, Duration now) {
        if (!enabled) {
            return false;
        }
        double limit = baseline.toNanos() * ratio + margin.toNanos();
        return now.toNanos() > limit;
    }

    /** The largest time still within tolerance of {@code baseline}. */
    public Duration limit(Duration baseline) {
        return Duration.ofNanos((long) (baseline.toNanos() * ratio) + margin.toNanos());
    }

    @Override
    public String toString() {
        return enabled ? "slower than " + ratio + "x its baseline + " + Durations.format(margin) : "latency not compared";
    }
}
