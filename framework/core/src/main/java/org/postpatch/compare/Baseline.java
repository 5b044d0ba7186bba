package org.postpatch.compare;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.postpatch.result.Fingerprint;

/**
 * The run a verify is judged against: its id, when it started, its fingerprint, and each probe's
 * status and last-attempt time, in declared order, per suite.
 */
public record Baseline(String runId, Instant startedAt, Fingerprint fingerprint, Map<String, List<Probe>> suites) {

    /** One probe as it was in the baseline. */
    public record Probe(String id, String status, long lastAttemptMs) {
        public boolean passed() {
            return "PASSED".equals(status);
        }
    }

    public Baseline {
        Objects.requireNonNull(runId, "runId");
        suites = Map.copyOf(suites);
    }
}
