package org.postpatch.compare;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postpatch.api.ProbeStatus;
import org.postpatch.api.Severity;
import org.postpatch.config.Durations;
import org.postpatch.result.Confirmation;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;

/**
 * Compares a run with its baseline, probe by probe. What running failed probes again showed is
 * already in the results ({@link Recheck}): a failure that did not reproduce is FLAKY, a late miss
 * that passed once the fresh target was warm is judged on its warm sample.
 */
public final class Judge {

    private Judge() {
    }

    /** Compares {@code now} with {@code baseline} by {@code criteria}. */
    public static Comparison compare(Baseline baseline, RunResult now, Criteria criteria) {
        List<ProbeComparison> compared = new ArrayList<>();
        for (ProbeResult probe : now.probes()) {
            List<Baseline.Probe> before = baseline.suites().getOrDefault(probe.suite(), List.of());
            Baseline.Probe old = before.stream().filter(p -> p.id().equals(probe.id())).findFirst().orElse(null);
            compared.add(compare(probe, old, criteria));
        }
        compared = withRootCauses(compared, now);
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
        return new Comparison(baseline, compared, now.fingerprint().changesSince(baseline.fingerprint()), criteria.strict());
    }

    private static ProbeComparison compare(ProbeResult probe, Baseline.Probe old, Criteria criteria) {
        String status = probe.status().name();
        long nowMs = probe.lastAttempt().toMillis();
        if (old == null || old.is(ProbeStatus.SKIPPED)) {
            // A probe the baseline did not run is no evidence either way: judged as new.
            return new ProbeComparison(probe.suite(), probe.id(), Change.NEW, probe.severity(),
                    old == null ? null : old.status(), 0, status, nowMs, old == null ? "" : "not run in the baseline");
        }
        Change change;
        String note = "";
        Duration before = Duration.ofMillis(old.lastAttemptMs());
        if (probe.status() == ProbeStatus.SKIPPED) {
            change = Change.SAME;
            note = "not run this time";
        } else if (old.passed() && probe.status() == ProbeStatus.BLOCKED) {
            change = Change.BLOCKED;
        } else if (old.passed() && !probe.passed()) {
            change = Change.REGRESSED;
            note = probe.confirmation() == Confirmation.REPRODUCED ? "failed again when run again" : "";
        } else if (!old.passed() && !probe.passed()) {
            change = Change.STILL_FAILING;
        } else if (!old.passed()) {
            change = Change.FIXED;
        } else if (probe.confirmation() == Confirmation.FLAKED) {
            change = Change.FLAKY;
            note = "failed (" + firstFailure(probe) + "), passed when run again";
        } else if (criteria.isSlower(probe.key(), before, probe.lastAttempt())) {
            change = Change.SLOWER;
            note = "took " + Durations.format(probe.lastAttempt()) + ", baseline " + Durations.format(before)
                    + ", tolerance " + Durations.format(criteria.limit(probe.key(), before))
                    + (criteria.widened(probe.key(), before) ? " (its usual spread on this target)" : "");
        } else {
            change = Change.SAME;
        }
        if (probe.confirmation() == Confirmation.WARMED_UP && (change == Change.SAME || change == Change.SLOWER)) {
            note = "missed its time right after the target started (" + firstFailure(probe) + "); judged once warm"
                    + (note.isEmpty() ? "" : "; " + note);
        }
        Severity severity = change == Change.SLOWER ? criteria.tolerance(probe.key()).severity() : probe.severity();
        return new ProbeComparison(probe.suite(), probe.id(), change, severity, old.status(), old.lastAttemptMs(), status,
                nowMs, note);
    }

    /** The message of the first sample that did not pass. */
    private static String firstFailure(ProbeResult probe) {
        return probe.samples().stream().filter(sample -> !sample.passed()).map(sample -> sample.message())
                .findFirst().orElse("failed");
    }

    /** BLOCKED probes get a note naming their root causes and what became of them. */
    private static List<ProbeComparison> withRootCauses(List<ProbeComparison> compared, RunResult now) {
        Map<String, Change> changes = new HashMap<>();
        compared.forEach(p -> changes.put(p.suite() + "/" + p.id(), p.change()));
        Map<String, ProbeResult> results = new HashMap<>();
        now.probes().forEach(p -> results.put(p.key(), p));
        List<ProbeComparison> noted = new ArrayList<>();
        for (ProbeComparison probe : compared) {
            ProbeResult result = results.get(probe.suite() + "/" + probe.id());
            if (probe.change() != Change.BLOCKED || result == null || result.blockedBy().isEmpty()) {
                noted.add(probe);
                continue;
            }
            List<String> causes = result.blockedBy().stream().map(id -> id + " (" + changes.getOrDefault(probe.suite() + "/" + id,
                    Change.SAME).name() + ")").toList();
            noted.add(new ProbeComparison(probe.suite(), probe.id(), probe.change(), probe.severity(), probe.baselineStatus(),
                    probe.baselineMs(), probe.status(), probe.nowMs(), "blocked by " + String.join(", ", causes)));
        }
        return noted;
    }
}
