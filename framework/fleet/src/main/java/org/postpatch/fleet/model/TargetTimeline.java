package org.postpatch.fleet.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.postpatch.fleet.read.ProbeMark;
import org.postpatch.fleet.read.RunRow;
import org.postpatch.fleet.read.TargetRuns;
import org.postpatch.result.Fingerprint;

/**
 * A suite on a target over the period: the patches it took, where it stands at the end, and what
 * regressed on it.
 *
 * @param current            the fingerprint of its last run (null when the ledger lost it)
 * @param patches            the patches it took in the period, oldest first
 * @param failingProbes      the probes of its last run that did not pass
 * @param regressedInPeriod  every probe that REGRESSED in one of its runs in the period
 */
public record TargetTimeline(String suite, String target, TargetState state, RunRow last, Fingerprint current,
                             List<PatchEvent> patches, List<ProbeMark> failingProbes, Set<String> regressedInPeriod) {

    public TargetTimeline {
        patches = List.copyOf(patches);
        failingProbes = List.copyOf(failingProbes);
        regressedInPeriod = Set.copyOf(regressedInPeriod);
    }

    /** Walks a target's runs: a change of digest starts a patch, a change back to the digest before it is its rollback. */
    static TargetTimeline of(TargetRuns runs, Map<String, Fingerprint> fingerprints, Map<String, List<ProbeMark>> marks,
                             Diffs diffs) {
        List<Patches.Open> closed = new ArrayList<>();
        Patches.Open current = null;
        Patches.Open previousPatch = null;
        RunRow previous = runs.before().orElse(null);
        Set<String> regressed = new TreeSet<>();
        for (RunRow run : runs.runs()) {
            List<ProbeMark> runMarks = marks.getOrDefault(run.key(), List.of());
            runMarks.stream().filter(ProbeMark::regressed).forEach(mark -> regressed.add(mark.probeId()));
            if (previous != null && !previous.digest().equals(run.digest())) {
                if (current != null && run.digest().equals(current.fromDigest())) {
                    current.returnedAt(run.startedAt());
                    previousPatch = current;
                    current = null;
                } else {
                    if (current != null) {
                        current.replacedAt(run.startedAt());
                    }
                    current = new Patches.Open(runs, previous.digest(), run.digest(),
                            diffs.between(previous.digest(), run.digest()));
                    closed.add(current);
                }
            }
            if (current != null) {
                current.add(run, runMarks);
            }
            previous = run;
        }
        RunRow last = runs.last();
        Patches.Open latest = current != null ? current : previousPatch;
        TargetState state;
        if (last.failed() && !last.rolledBack()) {
            state = TargetState.FAILING;
        } else if (current != null && !current.judged()) {
            state = TargetState.UNVERIFIED;
        } else if (last.rolledBack() || (latest != null && latest.rolledBack())) {
            state = TargetState.ROLLED_BACK;
        } else {
            state = TargetState.OK;
        }
        List<ProbeMark> failing = marks.getOrDefault(last.key(), List.of()).stream().filter(m -> !m.passed()).toList();
        return new TargetTimeline(runs.suite(), runs.target(), state, last, fingerprints.get(last.digest()),
                closed.stream().map(Patches.Open::event).toList(), failing, regressed);
    }

    public String key() {
        return suite + "\u0000" + target;
    }

    /** Its latest patch in the period. */
    public Optional<PatchEvent> lastChange() {
        return patches.isEmpty() ? Optional.empty() : Optional.of(patches.get(patches.size() - 1));
    }

    /** The application version it runs, when its fingerprint says. */
    public Optional<String> appVersion() {
        if (last.appVersion() != null) {
            return Optional.of(last.appVersion());
        }
        return fact("app.version");
    }

    /** The JVM it runs: version and vendor, when its fingerprint says. */
    public Optional<String> jvm() {
        Optional<String> version = fact("jvm.version");
        Optional<String> vendor = fact("jvm.vendor");
        return version.map(v -> vendor.map(name -> v + " (" + name + ")").orElse(v));
    }

    private Optional<String> fact(String name) {
        return current == null ? Optional.empty() : Optional.ofNullable(current.get(name));
    }
}
