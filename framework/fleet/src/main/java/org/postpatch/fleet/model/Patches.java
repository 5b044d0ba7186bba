package org.postpatch.fleet.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.postpatch.fleet.read.ProbeMark;
import org.postpatch.fleet.read.RunRow;
import org.postpatch.fleet.read.TargetRuns;
import org.postpatch.result.Fingerprint;

/** Patches while a target's runs are walked, before they become {@link PatchEvent}s. */
final class Patches {

    private Patches() {
    }

    /** A patch being followed: the runs on its fingerprint so far. */
    static final class Open {
        private final TargetRuns target;
        private final String fromDigest;
        private final String toDigest;
        private final List<Fingerprint.Change> items;
        private final List<RunRow> runs = new ArrayList<>();
        private final Set<String> regressed = new TreeSet<>();
        private RunRow judging;
        private Instant rolledBackAt;
        private Instant endedAt;

        Open(TargetRuns target, String fromDigest, String toDigest, List<Fingerprint.Change> items) {
            this.target = target;
            this.fromDigest = fromDigest;
            this.toDigest = toDigest;
            this.items = items;
        }

        String fromDigest() {
            return fromDigest;
        }

        void add(RunRow run, List<ProbeMark> marks) {
            runs.add(run);
            if (judging == null && run.judges()) {
                // The patch is judged by this run: its regressions are the patch's. Later runs on the same
                // fingerprint (a scheduled self-test days later) say how the target is, not what the patch did.
                judging = run;
                marks.stream().filter(ProbeMark::regressed).forEach(mark -> regressed.add(mark.probeId()));
            }
            if (run.rolledBack()) {
                rolledBackAt = earliest(rolledBackAt, run.rolledBackAt() != null ? run.rolledBackAt() : run.finishedAt());
            }
        }

        /** The target went back to the fingerprint from before the patch: a rollback, marked or not. */
        void returnedAt(Instant when) {
            endedAt = when;
            rolledBackAt = earliest(rolledBackAt, when);
        }

        /** The target took another patch on top of this one. */
        void replacedAt(Instant when) {
            endedAt = when;
        }

        boolean judged() {
            return judging != null;
        }

        boolean rolledBack() {
            return rolledBackAt != null;
        }

        PatchEvent event() {
            Instant at = runs.get(0).startedAt();
            for (RunRow run : runs) {
                at = earliest(at, run.processStartedAt());
            }
            return new PatchEvent(target.suite(), target.target(), fromDigest, toDigest, items, at, judging, regressed,
                    rolledBackAt, endedAt, timeToVerdict(at));
        }

        private Duration timeToVerdict(Instant at) {
            if (judging == null) {
                return null;
            }
            Optional<RunRow> baseline = target.run(judging.baselineRunId());
            if ("VERIFY".equals(judging.kind()) && baseline.isPresent()) {
                return Duration.between(baseline.get().startedAt(), judging.finishedAt());
            }
            Instant start = judging.processStartedAt() != null ? judging.processStartedAt() : at;
            return Duration.between(start, judging.finishedAt());
        }

        private static Instant earliest(Instant a, Instant b) {
            if (a == null) {
                return b;
            }
            return b == null || a.isBefore(b) ? a : b;
        }
    }
}
