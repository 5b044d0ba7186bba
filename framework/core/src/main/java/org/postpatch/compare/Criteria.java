package org.postpatch.compare;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.postpatch.model.LatencyTolerance;
import org.postpatch.model.ProbeDefinition;
import org.postpatch.model.Suite;

/**
 * What a run is judged by: each probe's latency tolerance, the natural spread of its earlier warm
 * samples on the same target (from the ledger), whether STILL_FAILING fails, and when the target
 * started. Probes are keyed {@code suite/id}.
 *
 * @param tolerances   each probe's latency tolerance; {@link LatencyTolerance#DEFAULT} when absent
 * @param usualSlowest the slowest usual warm sample of each probe on this target, when the ledger
 *                     holds enough of them: it widens the tolerance (never narrows it)
 * @param strict       whether STILL_FAILING probes fail the verify
 * @param targetStart  when the target started: right after it, late misses are measured again warm
 */
public record Criteria(Map<String, LatencyTolerance> tolerances, Map<String, Duration> usualSlowest, boolean strict,
                       TargetStart targetStart) {

    public Criteria {
        tolerances = Map.copyOf(tolerances);
        usualSlowest = Map.copyOf(usualSlowest);
        Objects.requireNonNull(targetStart, "targetStart");
    }

    /** The probes' own tolerances, nothing learned, not strict, the target's start unknown. */
    public static Criteria of(List<Suite> suites) {
        Map<String, LatencyTolerance> tolerances = new HashMap<>();
        for (Suite suite : suites) {
            for (ProbeDefinition probe : suite.probes()) {
                tolerances.put(suite.name() + "/" + probe.id(), probe.latency());
            }
        }
        return new Criteria(tolerances, Map.of(), false, TargetStart.UNKNOWN);
    }

    public Criteria strict(boolean value) {
        return new Criteria(tolerances, usualSlowest, value, targetStart);
    }

    public Criteria targetStart(TargetStart value) {
        return new Criteria(tolerances, usualSlowest, strict, value);
    }

    public Criteria usualSlowest(Map<String, Duration> value) {
        return new Criteria(tolerances, value, strict, targetStart);
    }

    public LatencyTolerance tolerance(String key) {
        return tolerances.getOrDefault(key, LatencyTolerance.DEFAULT);
    }

    /**
     * The largest time still within tolerance of {@code baseline}: the tolerance's own limit, or the
     * slowest usual sample plus the margin when that is larger — a probe whose time naturally
     * spreads is not SLOWER for landing where it usually does.
     */
    public Duration limit(String key, Duration baseline) {
        LatencyTolerance tolerance = tolerance(key);
        Duration own = tolerance.limit(baseline);
        Duration usual = usualSlowest.get(key);
        if (usual == null) {
            return own;
        }
        Duration widened = usual.plus(tolerance.margin());
        return widened.compareTo(own) > 0 ? widened : own;
    }

    /** True when {@code now} is beyond the limit around {@code baseline} (never when latency is not compared). */
    public boolean isSlower(String key, Duration baseline, Duration now) {
        return tolerance(key).enabled() && now.compareTo(limit(key, baseline)) > 0;
    }

    /** True when the limit is the ledger's spread rather than the tolerance's own. */
    public boolean widened(String key, Duration baseline) {
        return limit(key, baseline).compareTo(tolerance(key).limit(baseline)) > 0;
    }
}
