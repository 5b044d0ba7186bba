package org.postpatch.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.postpatch.compare.Comparison;
import org.postpatch.result.Fingerprint;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;
import org.postpatch.result.SuiteResult;
import org.postpatch.result.Verdict;

/**
 * One suite of one run, as recorded: the unit the ledger stores, compares and counts.
 *
 * @param baselineRunId     for a verify run, the baseline it was judged against
 * @param processStartedAt  for a self-test, when the application started (to measure the time from
 *                          start-up on a new fingerprint to the verdict); otherwise null
 */
public record LedgerRun(String runId, String suite, String target, RunKind kind, Trigger trigger, Instant startedAt,
                        Duration duration, Verdict verdict, boolean interrupted, boolean timedOut, Fingerprint fingerprint,
                        String baselineRunId, boolean rolledBack, Instant processStartedAt, List<LedgerProbe> probes) {

    public LedgerRun {
        probes = List.copyOf(probes);
    }

    /** The records of a run, one per suite. */
    public static List<LedgerRun> of(RunResult run, RunKind kind, Trigger trigger, String baselineRunId,
                                     Instant processStartedAt) {
        return of(run, kind, trigger, baselineRunId, processStartedAt, null);
    }

    /** The records of a verify run, with each probe's change against the baseline. */
    public static List<LedgerRun> of(RunResult run, RunKind kind, Trigger trigger, String baselineRunId,
                                     Instant processStartedAt, Comparison comparison) {
        List<LedgerRun> runs = new ArrayList<>();
        for (SuiteResult suite : run.suites()) {
            List<LedgerProbe> probes = new ArrayList<>();
            for (ProbeResult probe : suite.probes()) {
                String change = comparison == null ? null : comparison.of(probe.suite(), probe.id())
                        .map(compared -> compared.change().name()).orElse(null);
                probes.add(new LedgerProbe(probe.id(), probe.kind(), probe.severity().name().toLowerCase(Locale.ROOT),
                        probe.status().name(), probe.duration().toMillis(), probe.lastAttempt().toMillis(),
                        probe.attempts(), probe.message(), change, probe.samples(), probe.confirmation().name(),
                        probe.snapshot()));
            }
            Verdict verdict = run.interrupted() || run.timedOut() ? Verdict.FAIL.and(suite.verdict()) : suite.verdict();
            if (comparison != null) {
                verdict = comparison.verdict(run, suite.suite());
            }
            runs.add(new LedgerRun(run.runId(), suite.suite(), run.target(), kind, trigger, suite.startedAt(),
                    untilVerdict(run, suite), verdict, run.interrupted(), run.timedOut(), run.fingerprint(), baselineRunId,
                    false, processStartedAt, probes));
        }
        return runs;
    }

    /**
     * From the suite's start until its verdict was known: the end of the whole run, which includes
     * probes run again after the last suite finished ({@link org.postpatch.compare.Recheck}).
     */
    private static Duration untilVerdict(RunResult run, SuiteResult suite) {
        Duration untilRunEnd = Duration.between(suite.startedAt(), run.startedAt().plus(run.duration()));
        return untilRunEnd.compareTo(suite.duration()) > 0 ? untilRunEnd : suite.duration();
    }

    /** How many of its probes had this change against the baseline (verify runs). */
    public long count(String change) {
        return probes.stream().filter(p -> change.equals(p.change())).count();
    }

    /** When the verdict was known. */
    public Instant finishedAt() {
        return startedAt.plus(duration);
    }
}
