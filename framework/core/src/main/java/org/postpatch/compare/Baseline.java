package org.postpatch.compare;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.postpatch.api.ProbeStatus;
import org.postpatch.result.Fingerprint;

/**
 * The run a verify is judged against: its id, when it started, its fingerprint, and each probe's
 * status and last-attempt time, in declared order, per suite.
 */
public record Baseline(String runId, Instant startedAt, Fingerprint fingerprint, Map<String, List<Probe>> suites) {

    /** One probe as it was in the baseline. */
    public record Probe(String id, String status, long lastAttemptMs) {
        public boolean passed() {
            return is(ProbeStatus.PASSED);
        }

        /** True when the baseline recorded it with this status (kept as text: a newer version may know more). */
        public boolean is(ProbeStatus expected) {
            return expected.name().equals(status);
        }
    }

    public Baseline {
        Objects.requireNonNull(runId, "runId");
        suites = Map.copyOf(suites);
    }
}
