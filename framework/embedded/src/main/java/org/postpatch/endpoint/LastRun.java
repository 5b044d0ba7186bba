package org.postpatch.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import org.postpatch.report.JsonReport;

/**
 * The last finished run as the endpoint serves it: its JSON report (the single source for the
 * summary, details, metrics and HTML report) and the few facts read from it.
 */
public record LastRun(String runId, String verdict, Instant finishedAt, String fingerprintDigest, JsonNode report) {

    public LastRun {
        Objects.requireNonNull(report, "report");
    }

    /**
     * Reads the facts from a JSON report (fresh, or read back from the ledger). The verdict is the
     * run's own — for a run judged against a baseline, {@code runVerdict}: a load balancer needs to
     * know that the application fails now, whether or not it failed before the patch too.
     */
    public static LastRun of(JsonNode report) {
        Instant started = Instant.parse(report.path("startedAt").asText());
        String verdict = JsonReport.runVerdict(report);
        return new LastRun(report.path("runId").asText(), verdict,
                started.plusMillis(report.path("durationMs").asLong()),
                report.path("fingerprint").path("digest").asText(), report);
    }
}
