package org.postpatch.ledger;

import org.postpatch.compare.Change;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postpatch.result.Verdict;

/**
 * The figures that tell a team whether small, frequent patches pay off, per suite and target:
 * how many patches were seen, how many runs each took, how long from the patch to the verdict, how
 * many patches the self-test caught failing, and how many were rolled back.
 *
 * <p>A <em>patch</em> starts where the fingerprint changes from one run to the next (whoever ran
 * it: a deploy script's verify or the application's own self-test), or at a verify whose
 * fingerprint is its baseline's (a patch the fingerprint cannot see). A change back to the
 * fingerprint from before the patch is its rollback, not a new patch. Each patch is judged on its
 * first verify, else on its first run: its verdict, its regressions and fixes, and its time to
 * verdict — from the baseline's start (verify), from the application's start-up (embedded), or
 * else the run's own duration.
 */
public record PatchFigures(String suite, String target, int runs, int patches, Optional<Duration> medianTimeToVerdict,
                           Optional<Duration> slowestTimeToVerdict, int failuresCaught, long regressionsCaught,
                           long fixes, int rollbacks) {

    /** Runs per patch, for the "are we testing too much or too little" question. */
    public double runsPerPatch() {
        return patches == 0 ? runs : (double) runs / patches;
    }

    /** The figures of each suite and target found in {@code runs} (any order). */
    public static List<PatchFigures> of(List<LedgerRun> runs) {
        record SuiteOnTarget(String suite, String target) {
        }
        Map<SuiteOnTarget, List<LedgerRun>> groups = new LinkedHashMap<>();
        runs.stream().sorted(Comparator.comparing(LedgerRun::startedAt))
                .forEach(run -> groups.computeIfAbsent(new SuiteOnTarget(run.suite(), run.target()), k -> new ArrayList<>())
                        .add(run));
        List<PatchFigures> figures = new ArrayList<>();
        for (List<LedgerRun> group : groups.values()) {
            figures.add(figuresOf(group));
        }
        return figures;
    }

    /** The runs of one patch. */
    private static final class Patch {
        final String digestBefore;
        final List<LedgerRun> runs = new ArrayList<>();

        Patch(String digestBefore) {
            this.digestBefore = digestBefore;
        }

        LedgerRun judged() {
            return runs.stream().filter(run -> run.kind() == RunKind.VERIFY).findFirst().orElse(runs.get(0));
        }

        boolean rolledBack() {
            return runs.stream().anyMatch(LedgerRun::rolledBack);
        }
    }

    private static PatchFigures figuresOf(List<LedgerRun> chronological) {
        Map<String, LedgerRun> byId = new LinkedHashMap<>();
        chronological.forEach(run -> byId.put(run.runId(), run));
        List<Patch> patches = new ArrayList<>();
        Patch current = null;
        String previous = null;
        int rollbacks = 0;
        for (LedgerRun run : chronological) {
            String digest = run.fingerprint().digest();
            LedgerRun baseline = run.baselineRunId() == null ? null : byId.get(run.baselineRunId());
            boolean changed = previous != null && !previous.equals(digest);
            boolean invisible = run.kind() == RunKind.VERIFY && baseline != null
                    && baseline.fingerprint().digest().equals(digest) && (current == null || current.runs.contains(baseline));
            if (changed && current != null && digest.equals(current.digestBefore)) {
                rollbacks += current.rolledBack() ? 0 : 1;
                current = null;
            } else if (changed || invisible) {
                current = new Patch(previous);
                patches.add(current);
            }
            if (current != null) {
                current.runs.add(run);
            }
            previous = digest;
        }
        int failures = 0;
        long regressions = 0;
        long fixes = 0;
        List<Duration> toVerdict = new ArrayList<>();
        for (Patch patch : patches) {
            LedgerRun judged = patch.judged();
            failures += judged.verdict() == Verdict.FAIL ? 1 : 0;
            regressions += judged.count(Change.REGRESSED);
            fixes += judged.count(Change.FIXED);
            rollbacks += patch.rolledBack() ? 1 : 0;
            LedgerRun baseline = judged.baselineRunId() == null ? null : byId.get(judged.baselineRunId());
            if (judged.kind() == RunKind.VERIFY && baseline != null) {
                toVerdict.add(Duration.between(baseline.startedAt(), judged.finishedAt()));
            } else if (judged.processStartedAt() != null) {
                toVerdict.add(Duration.between(judged.processStartedAt(), judged.finishedAt()));
            } else {
                toVerdict.add(judged.duration());
            }
        }
        toVerdict.sort(null);
        Optional<Duration> median = toVerdict.isEmpty() ? Optional.empty() : Optional.of(toVerdict.get(toVerdict.size() / 2));
        Optional<Duration> slowest = toVerdict.isEmpty() ? Optional.empty() : Optional.of(toVerdict.get(toVerdict.size() - 1));
        LedgerRun first = chronological.get(0);
        return new PatchFigures(first.suite(), first.target(), chronological.size(), patches.size(), median, slowest,
                failures, regressions, fixes, rollbacks);
    }
}
