package org.postpatch.result;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The results of one suite in one run, probes in declared order. */
public record SuiteResult(String suite, List<String> files, Instant startedAt, Duration duration,
                          List<ProbeResult> probes) {

    public SuiteResult {
        files = List.copyOf(files);
        probes = List.copyOf(probes);
    }

    public Verdict verdict() {
        return Verdict.of(probes);
    }
}
