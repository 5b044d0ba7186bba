package org.postpatch.compare;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.postpatch.model.LatencyTolerance;
import org.postpatch.model.ProbeDefinition;
import org.postpatch.model.Suite;
import org.postpatch.model.Suites;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;
import org.postpatch.result.SuiteResult;

/**
 * Confirms SLOWER before reporting it: right after a patch the application has just restarted and
 * its first requests are slow (cold caches, a JIT that has not compiled anything yet). A probe that
 * looks slower is measured again, with the probes it needs, up to {@code rounds} more times, and
 * judged on its fastest sample. Only a probe that stays slower is reported SLOWER.
 */
public final class SlowerCheck {

    private SlowerCheck() {
    }

    /** A run judged against a baseline, after SLOWER was confirmed. */
    public record Judged(RunResult result, Comparison comparison, int remeasured) {
    }

    /**
     * Compares {@code result} with {@code baseline}, re-measuring SLOWER candidates.
     *
     * @param rerun runs a subset of the suites (quietly) and returns its result
     */
    public static Judged judge(Baseline baseline, RunResult result, List<Suite> suites, Map<String, LatencyTolerance> tolerances,
                               boolean strict, int rounds, Function<List<Suite>, RunResult> rerun) {
        RunResult judged = result;
        Comparison comparison = Judge.compare(baseline, judged, tolerances, strict);
        Set<String> remeasured = new LinkedHashSet<>();
        for (int round = 0; round < rounds; round++) {
            Set<String> slower = new LinkedHashSet<>();
            comparison.probes().stream().filter(p -> p.change() == Change.SLOWER).forEach(p -> slower.add(p.suite() + "/" + p.id()));
            if (slower.isEmpty()) {
                break;
            }
            remeasured.addAll(slower);
            // With the probes they need, for the values those capture.
            RunResult again = rerun.apply(Suites.reduced(suites, probe -> slower.contains(suiteOf(suites, probe) + "/" + probe.id())));
            judged = fastest(judged, again, slower);
            comparison = Judge.compare(baseline, judged, tolerances, strict);
        }
        return new Judged(judged, comparison, remeasured.size());
    }

    private static String suiteOf(List<Suite> suites, ProbeDefinition probe) {
        return suites.stream().filter(s -> s.probes().contains(probe)).map(Suite::name).findFirst().orElse("");
    }

    /** {@code run} with each re-measured probe's last attempt replaced by its fastest passing sample. */
    private static RunResult fastest(RunResult run, RunResult again, Set<String> keys) {
        Map<String, Duration> samples = new HashMap<>();
        for (ProbeResult probe : again.probes()) {
            if (probe.passed()) {
                samples.put(probe.suite() + "/" + probe.id(), probe.lastAttempt());
            }
        }
        List<SuiteResult> suites = new ArrayList<>();
        for (SuiteResult suite : run.suites()) {
            List<ProbeResult> probes = new ArrayList<>();
            for (ProbeResult probe : suite.probes()) {
                String key = probe.suite() + "/" + probe.id();
                Duration sample = samples.get(key);
                probes.add(keys.contains(key) && sample != null && sample.compareTo(probe.lastAttempt()) < 0
                        ? probe.withLastAttempt(sample) : probe);
            }
            suites.add(new SuiteResult(suite.suite(), suite.files(), suite.startedAt(), suite.duration(), probes));
        }
        return new RunResult(run.runId(), run.target(), run.startedAt(), run.duration(), run.fingerprint(), suites,
                run.interrupted(), run.timedOut());
    }
}
