package org.postpatch.ledger;

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
 * <p>A <em>patch run</em> is a {@code verify} run, or the first run on a new fingerprint. Its time
 * to verdict is measured from the baseline's start (verify), from the application's start-up
 * (embedded self-test), or else is the run's own duration.
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
        Map<String, List<LedgerRun>> groups = new LinkedHashMap<>();
        runs.stream().sorted(Comparator.comparing(LedgerRun::startedAt))
                .forEach(run -> groups.computeIfAbsent(run.suite() + "\u0000" + run.target(), k -> new ArrayList<>()).add(run));
        List<PatchFigures> figures = new ArrayList<>();
        for (List<LedgerRun> group : groups.values()) {
            figures.add(figuresOf(group));
        }
        return figures;
    }

    private static PatchFigures figuresOf(List<LedgerRun> chronological) {
        Map<String, LedgerRun> byId = new LinkedHashMap<>();
        chronological.forEach(run -> byId.put(run.runId(), run));
        String previousDigest = null;
        int patches = 0;
        int failures = 0;
        int rollbacks = 0;
        long regressions = 0;
        long fixes = 0;
        List<Duration> toVerdict = new ArrayList<>();
        for (LedgerRun run : chronological) {
            String digest = run.fingerprint().digest();
            boolean patchRun = run.kind() == RunKind.VERIFY || (previousDigest != null && !previousDigest.equals(digest));
            if (run.kind() != RunKind.VERIFY) {
                previousDigest = digest;
            }
            if (run.rolledBack()) {
                rollbacks++;
            }
            if (!patchRun) {
                continue;
            }
            patches++;
            if (run.verdict() == Verdict.FAIL) {
                failures++;
            }
            regressions += run.count("REGRESSED");
            fixes += run.count("FIXED");
            LedgerRun baseline = run.baselineRunId() == null ? null : byId.get(run.baselineRunId());
            if (baseline != null) {
                toVerdict.add(Duration.between(baseline.startedAt(), run.finishedAt()));
            } else if (run.processStartedAt() != null) {
                toVerdict.add(Duration.between(run.processStartedAt(), run.finishedAt()));
            } else {
                toVerdict.add(run.duration());
            }
        }
        toVerdict.sort(null);
        Optional<Duration> median = toVerdict.isEmpty() ? Optional.empty() : Optional.of(toVerdict.get(toVerdict.size() / 2));
        Optional<Duration> slowest = toVerdict.isEmpty() ? Optional.empty() : Optional.of(toVerdict.get(toVerdict.size() - 1));
        LedgerRun first = chronological.get(0);
        return new PatchFigures(first.suite(), first.target(), chronological.size(), patches, median, slowest, failures,
                regressions, fixes, rollbacks);
    }
}
