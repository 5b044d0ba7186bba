package org.postpatch.ledger;

import java.util.List;
import org.postpatch.result.Sample;

/**
 * One probe's result as recorded. {@code change} is its comparison with the baseline (for verify
 * runs and judged self-tests), otherwise null; {@code samples} every time it ran in the run when it
 * ran more than once (measured again warm, a failure run again); {@code confirmation} what running a
 * failure again showed (NONE, REPRODUCED, FLAKED, WARMED_UP); {@code snapshot} what it observed for
 * later runs to compare with, recorded with the run, null when none — runs read back from the ledger
 * carry none: {@link Ledger#snapshots} reads them.
 */
public record LedgerProbe(String id, String kind, String severity, String status, long durationMs, long lastAttemptMs,
                          int attempts, String message, String change, List<Sample> samples, String confirmation,
                          String snapshot) {

    public LedgerProbe {
        samples = samples == null ? List.of() : List.copyOf(samples);
        confirmation = confirmation == null ? "NONE" : confirmation;
    }

    /** A probe without a snapshot. */
    public LedgerProbe(String id, String kind, String severity, String status, long durationMs, long lastAttemptMs,
                       int attempts, String message, String change, List<Sample> samples, String confirmation) {
        this(id, kind, severity, status, durationMs, lastAttemptMs, attempts, message, change, samples, confirmation, null);
    }

    /** A probe that ran once. */
    public LedgerProbe(String id, String kind, String severity, String status, long durationMs, long lastAttemptMs,
                       int attempts, String message, String change) {
        this(id, kind, severity, status, durationMs, lastAttemptMs, attempts, message, change, List.of(), "NONE", null);
    }

    /** True when it failed and then passed when run again: a flake. */
    public boolean flaked() {
        return "FLAKED".equals(confirmation);
    }
}
