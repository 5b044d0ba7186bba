package org.postpatch.compare;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postpatch.api.ProbeStatus;
import org.postpatch.api.Severity;
import org.postpatch.config.Durations;
import org.postpatch.model.LatencyTolerance;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;

/** Compares a run with its baseline, probe by probe. */
public final class Judge {

    private Judge() {
    }

    /**
     * Compares {@code now} with {@code baseline}.
     *
     * @param tolerances each probe's latency tolerance, by {@code suite + "/" + id}; the default when absent
     * @param strict     whether STILL_FAILING probes fail the verify
     */
    public static Comparison compare(Baseline baseline, RunResult now, Map<String, LatencyTolerance> tolerances,
                                     boolean strict) {
        List<ProbeComparison> compared = new ArrayList<>();
        for (ProbeResult probe : now.probes()) {
            List<Baseline.Probe> before = baseline.suites().getOrDefault(probe.suite(), List.of());
            Baseline.Probe old = before.stream().filter(p -> p.id().equals(probe.id())).findFirst().orElse(null);
            LatencyTolerance tolerance = tolerances.getOrDefault(probe.suite() + "/" + probe.id(), LatencyTolerance.DEFAULT);
            compared.add(compare(probe, old, tolerance));
        }
        for (Map.Entry<String, List<Baseline.Probe>> suite : baseline.suites().entrySet()) {
            Set<String> present = new HashSet<>();
            now.probes().stream().filter(p -> p.suite().equals(suite.getKey())).forEach(p -> present.add(p.id()));
            boolean suiteRan = now.suites().stream().anyMatch(s -> s.suite().equals(suite.getKey()));
            for (Baseline.Probe old : suite.getValue()) {
                if (suiteRan && !present.contains(old.id())) {
                    compared.add(new ProbeComparison(suite.getKey(), old.id(), Change.REMOVED, Severity.WARNING, old.status(),
                            old.lastAttemptMs(), null, 0, "in the baseline, not in this run"));
                }
            }
        }
        return new Comparison(baseline, compared, now.fingerprint().changesSince(baseline.fingerprint()), strict);
    }

    private static ProbeComparison compare(ProbeResult probe, Baseline.Probe old, LatencyTolerance tolerance) {
        String status = probe.status().name();
        long nowMs = probe.lastAttempt().toMillis();
        if (old == null || "SKIPPED".equals(old.status())) {
            // A probe the baseline did not run is no evidence either way: judged as new.
            return new ProbeComparison(probe.suite(), probe.id(), Change.NEW, probe.severity(),
                    old == null ? null : old.status(), 0, status, nowMs, old == null ? "" : "not run in the baseline");
        }
        boolean passesNow = probe.status() == ProbeStatus.PASSED;
        Change change;
        String note = "";
        if (probe.status() == ProbeStatus.SKIPPED) {
            change = Change.SAME;
            note = "not run this time";
        } else if (old.passed() && !passesNow) {
            change = Change.REGRESSED;
        } else if (!old.passed() && !passesNow) {
            change = Change.STILL_FAILING;
        } else if (!old.passed()) {
            change = Change.FIXED;
        } else if (tolerance.isSlower(Duration.ofMillis(old.lastAttemptMs()), probe.lastAttempt())) {
            change = Change.SLOWER;
            note = "took " + Durations.format(probe.lastAttempt()) + ", baseline " + Durations.format(Duration.ofMillis(old.lastAttemptMs()))
                    + ", tolerance " + Durations.format(tolerance.limit(Duration.ofMillis(old.lastAttemptMs())));
        } else {
            change = Change.SAME;
        }
        Severity severity = change == Change.SLOWER ? tolerance.severity() : probe.severity();
        return new ProbeComparison(probe.suite(), probe.id(), change, severity, old.status(), old.lastAttemptMs(), status,
                nowMs, note);
    }
}
