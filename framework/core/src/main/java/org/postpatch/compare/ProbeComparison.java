package org.postpatch.compare;

import org.postpatch.api.ProbeStatus;
import org.postpatch.api.Severity;

/**
 * One probe against the baseline.
 *
 * @param baselineStatus the status in the baseline, or null for a NEW probe
 * @param status         the status now, or null for a REMOVED probe
 * @param note           why, for SLOWER ("took 812ms, baseline 120ms, tolerance 490ms"); else empty
 */
public record ProbeComparison(String suite, String id, Change change, Severity severity, String baselineStatus,
                              long baselineMs, String status, long nowMs, String note) {

    /** True when its status now is this one (false for a REMOVED probe). */
    public boolean nowIs(ProbeStatus expected) {
        return expected.name().equals(status);
    }
}
