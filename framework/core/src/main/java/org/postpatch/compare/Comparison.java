package org.postpatch.compare;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.postpatch.api.Severity;
import org.postpatch.result.Fingerprint;
import org.postpatch.result.RunResult;
import org.postpatch.result.Verdict;

/**
 * A run judged against its baseline: each probe's change and what changed in the fingerprint.
 * The verdict of a verify: FAIL on any critical REGRESSED probe (and on a critical NEW probe that
 * does not pass, or a critical SLOWER one); STILL_FAILING does not fail the patch unless strict —
 * it is reported loudly and makes the verdict WARN, as do warnings and SLOWER probes.
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
            if (suite != null && !suite.equals(probe.suite())) {
                continue;
            }
            boolean critical = probe.severity() == Severity.CRITICAL;
            switch (probe.change()) {
                case REGRESSED -> {
                    if (critical) {
                        return Verdict.FAIL;
                    }
                    verdict = Verdict.WARN;
                }
                case NEW -> {
                    if (!"PASSED".equals(probe.status()) && !"SKIPPED".equals(probe.status())) {
                        if (critical) {
                            return Verdict.FAIL;
                        }
                        verdict = Verdict.WARN;
                    }
                }
                case STILL_FAILING -> {
                    if (strict && critical) {
                        return Verdict.FAIL;
                    }
                    verdict = Verdict.WARN;
                }
                case SLOWER -> {
                    if (critical) {
                        return Verdict.FAIL;
                    }
                    verdict = verdict.and(Verdict.WARN);
                }
                default -> {
                }
            }
        }
        return verdict;
    }

    /** How many probes had each change. */
    public Map<Change, Long> counts() {
        return probes.stream().collect(Collectors.groupingBy(ProbeComparison::change, Collectors.counting()));
    }

    /** The comparison of one probe of this run, if it was compared. */
    public java.util.Optional<ProbeComparison> of(String suite, String id) {
        return probes.stream().filter(p -> p.suite().equals(suite) && p.id().equals(id)).findFirst();
    }
}
