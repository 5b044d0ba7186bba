package org.postpatch.compare;

import org.postpatch.api.ProbeStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.postpatch.api.Severity;
import org.postpatch.result.Fingerprint;
import org.postpatch.result.RunResult;
import org.postpatch.result.Verdict;

/**
 * A run judged against its baseline: each probe's change and what changed in the fingerprint.
 * The verdict of a verify: FAIL on any critical REGRESSED probe, on a critical probe BLOCKED by a
 * failure (it passed before and cannot be shown to work now), on a critical NEW probe that does not
 * pass, or a critical SLOWER one; STILL_FAILING does not fail the patch unless strict — it is
 * reported loudly and makes the verdict WARN, as do FLAKY probes, warnings and SLOWER probes.
 */
public record Comparison(Baseline baseline, List<ProbeComparison> probes, List<Fingerprint.Change> fingerprintChanges,
                         boolean strict) {

    public Comparison {
        probes = List.copyOf(probes);
        fingerprintChanges = List.copyOf(fingerprintChanges);
    }

    /** The verdict of the run judged against the baseline. */
    public Verdict verdict(RunResult run) {
        return verdict(run, null);
    }

    /** The verdict of one suite of the run ({@code null}: all suites) judged against the baseline. */
    public Verdict verdict(RunResult run, String suite) {
        if (run.interrupted() || run.timedOut()) {
            return Verdict.FAIL;
        }
        Verdict verdict = Verdict.PASS;
        for (ProbeComparison probe : probes) {
            if (suite == null || suite.equals(probe.suite())) {
                verdict = verdict.and(verdictOf(probe));
            }
        }
        return verdict;
    }

    private Verdict verdictOf(ProbeComparison probe) {
        Verdict failing = probe.severity() == Severity.CRITICAL ? Verdict.FAIL : Verdict.WARN;
        return switch (probe.change()) {
            case REGRESSED, BLOCKED, SLOWER -> failing;
            case NEW -> probe.nowIs(ProbeStatus.PASSED) || probe.nowIs(ProbeStatus.SKIPPED) ? Verdict.PASS : failing;
            case STILL_FAILING -> strict ? failing : Verdict.WARN;
            case FLAKY -> Verdict.WARN;
            default -> Verdict.PASS;
        };
    }

    /** How many probes had each change. */
    public Map<Change, Long> counts() {
        return probes.stream().collect(Collectors.groupingBy(ProbeComparison::change, Collectors.counting()));
    }

    /**
     * The counts as the summary reads them, root causes first: "1 regressed (8 blocked by it),
     * 1 flaky, 0 fixed, 0 still failing, 0 new, 0 removed, 0 slower, 3 same".
     */
    public String summary() {
        Map<Change, Long> counts = counts();
        StringBuilder text = new StringBuilder(rootCauses(counts.getOrDefault(Change.REGRESSED, 0L),
                counts.getOrDefault(Change.BLOCKED, 0L)));
        long flaky = counts.getOrDefault(Change.FLAKY, 0L);
        if (flaky > 0) {
            text.append(", ").append(flaky).append(" flaky");
        }
        return text.append(", ").append(counts.getOrDefault(Change.FIXED, 0L)).append(" fixed, ")
                .append(counts.getOrDefault(Change.STILL_FAILING, 0L)).append(" still failing, ")
                .append(counts.getOrDefault(Change.NEW, 0L)).append(" new, ")
                .append(counts.getOrDefault(Change.REMOVED, 0L)).append(" removed, ")
                .append(counts.getOrDefault(Change.SLOWER, 0L)).append(" slower, ")
                .append(counts.getOrDefault(Change.SAME, 0L)).append(" same").toString();
    }

    /**
     * Regressions counted as root causes, with the probes they block: "1 regressed (8 blocked by
     * it)", "2 regressed (3 blocked by them)", "0 regressed, 2 blocked" (blocked by a new probe).
     */
    public static String rootCauses(long regressed, long blocked) {
        if (blocked == 0) {
            return regressed + " regressed";
        }
        return regressed == 0 ? "0 regressed, " + blocked + " blocked"
                : regressed + " regressed (" + blocked + " blocked by " + (regressed == 1 ? "it" : "them") + ")";
    }

    /** The comparison of one probe of this run, if it was compared. */
    public Optional<ProbeComparison> of(String suite, String id) {
        return probes.stream().filter(p -> p.suite().equals(suite) && p.id().equals(id)).findFirst();
    }
}
