package org.postpatch.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * The last finished run as the endpoint serves it: its JSON report (the single source for the
 * summary, details, metrics and HTML report) and the few facts read from it.
 */
public record LastRun(String runId, String verdict, Instant finishedAt, String fingerprintDigest, JsonNode report) {

    public LastRun {
        Objects.requireNonNull(report, "report");
    }

    /** Reads the facts from a JSON report (fresh, or read back from the ledger). */
    public static LastRun of(JsonNode report) {
        Instant started = Instant.parse(report.path("startedAt").asText());
        return new LastRun(report.path("runId").asText(), report.path("verdict").asText(),
                started.plusMillis(report.path("durationMs").asLong()),
                report.path("fingerprint").path("digest").asText(), report);
    }
}
