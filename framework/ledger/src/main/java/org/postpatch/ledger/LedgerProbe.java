package org.postpatch.ledger;

/**
 * One probe's result as recorded. {@code change} is its comparison with the baseline (for verify
 * runs), otherwise null.
 */
public record LedgerProbe(String id, String kind, String severity, String status, long durationMs, long lastAttemptMs,
                          int attempts, String message, String change) {
}
