package org.postpatch.result;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One run: one or more suites against one target, on one fingerprint.
 *
 * @param interrupted true when the run was cut short by Ctrl-C or SIGTERM; its results are partial
 * @param timedOut    true when the run's own deadline ({@code --timeout}) expired
 */
public record RunResult(String runId, String target, Instant startedAt, Duration duration, Fingerprint fingerprint,
                        List<SuiteResult> suites, boolean interrupted, boolean timedOut) {

    public RunResult {
        suites = List.copyOf(suites);
    }

    public Verdict verdict() {
        Verdict verdict = Verdict.PASS;
        for (SuiteResult suite : suites) {
            verdict = verdict.and(suite.verdict());
        }
        return interrupted || timedOut ? Verdict.FAIL.and(verdict) : verdict;
    }

    /** All probe results, suite by suite, each in declared order. */
    public List<ProbeResult> probes() {
        return suites.stream().flatMap(s -> s.probes().stream()).collect(Collectors.toList());
    }

    /** The same run with some probe results replaced, by {@link ProbeResult#key()}. */
    public RunResult withProbes(Map<String, ProbeResult> replaced) {
        List<SuiteResult> changed = new ArrayList<>();
        for (SuiteResult suite : suites) {
            changed.add(new SuiteResult(suite.suite(), suite.files(), suite.startedAt(), suite.duration(), suite.probes().stream()
                    .map(probe -> replaced.getOrDefault(probe.key(), probe)).toList()));
        }
        return new RunResult(runId, target, startedAt, duration, fingerprint, changed, interrupted, timedOut);
    }

    /** The same run, lasting until now: a run measured again ends when its verdict is known. */
    public RunResult lastingUntilNow() {
        Duration sinceStart = Duration.between(startedAt, java.time.Instant.now());
        return new RunResult(runId, target, startedAt, sinceStart.compareTo(duration) > 0 ? sinceStart : duration, fingerprint,
                suites, interrupted, timedOut);
    }

    /** The same run, marked as cut short by Ctrl-C or SIGTERM. */
    public RunResult markedInterrupted() {
        return new RunResult(runId, target, startedAt, duration, fingerprint, suites, true, timedOut);
    }

    /** The suite names joined, for a run over several suites. */
    public String suiteNames() {
        return suites.stream().map(SuiteResult::suite).collect(Collectors.joining(", "));
    }
}
