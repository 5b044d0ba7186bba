package org.postpatch.fleet.model;

import java.time.Duration;
import java.util.Optional;

/**
 * The raw numbers of one kind of change, one application, or the whole fleet, over a period.
 *
 * @param group               "kind", "application" or "total"
 * @param name                the kind's label, the suite, or "all"
 * @param patches             patches applied: targets that took a patch of this kind
 * @param verified            of those, patches a run judged
 * @param failed              of those, patches that failed verification
 * @param caughtOnFirstTarget failed patches that stopped at the first target: no other target took any of their changes
 * @param medianToVerdict     time from the patch to its verdict, median (empty without a verdict)
 * @param p95ToVerdict        the same, 95th percentile (nearest rank)
 * @param rollbacks           patches rolled back
 * @param exposure            target time spent running an unverified or failed patch
 */
public record FigureRow(String group, String name, int patches, int verified, int failed, int caughtOnFirstTarget,
                        Optional<Duration> medianToVerdict, Optional<Duration> p95ToVerdict, int rollbacks,
                        Duration exposure) {

    /** Failed over verified; empty when nothing was verified. */
    public Optional<Double> changeFailureRate() {
        return verified == 0 ? Optional.empty() : Optional.of((double) failed / verified);
    }

    /** Exposure in target-hours, to one decimal. */
    public double exposureHours() {
        return Math.round(exposure.toMillis() / 360_000.0) / 10.0;
    }
}
