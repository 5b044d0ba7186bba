package org.postpatch.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.postpatch.api.ProbeStatus;
import org.postpatch.report.Counts;
import org.postpatch.report.ReportDocument;
import org.postpatch.result.Verdict;

/**
 * The last finished run as the endpoint and health checks read it: the facts they show, read once
 * from its JSON document, and the document itself (for the full report, the HTML report and the
 * metrics). The verdict is the run's own — for a run judged against a baseline, its
 * {@code runVerdict}: a load balancer needs to know that the application fails now, whether or not
 * it failed before the patch too.
 *
 * @param counts the run's probes by status
 * @param probes each probe's result, in the run's order
 * @param report the run's JSON document ({@link ReportDocument}); read it, never change it
 */
public record LastRun(String runId, String suite, String target, Verdict verdict, Instant finishedAt,
                      String fingerprintDigest, Counts counts, List<Probe> probes, JsonNode report) {

    /**
     * One probe's result as the endpoint lists it.
     *
     * @param change its change against the baseline, or null when the run was not judged against one
     */
    public record Probe(String id, ProbeStatus status, long durationMs, String message, String change) {

        /** Whether it failed or could not run because a probe it needs did not pass. */
        public boolean failedOrBlocked() {
            return status == ProbeStatus.FAILED || status == ProbeStatus.BLOCKED;
        }
    }

    public LastRun {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(report, "report");
        probes = List.copyOf(probes);
    }

    /**
     * Reads the facts from a run's JSON document (fresh, or read back from the ledger).
     *
     * @throws IllegalArgumentException when the document has a verdict or a probe status this version
     *                                  does not know
     */
    public static LastRun of(JsonNode report) {
        Instant started = Instant.parse(report.path("startedAt").asText());
        JsonNode summary = report.path("summary");
        Counts counts = new Counts(summary.path("passed").asInt(), summary.path("failed").asInt(),
                summary.path("blocked").asInt(), summary.path("skipped").asInt());
        List<Probe> probes = new ArrayList<>();
        for (JsonNode probe : report.path("probes")) {
            probes.add(new Probe(probe.path("id").asText(), ProbeStatus.valueOf(probe.path("status").asText()),
                    probe.path("durationMs").asLong(), probe.path("message").asText(),
                    probe.has("change") ? probe.path("change").asText() : null));
        }
        return new LastRun(report.path("runId").asText(), report.path("suite").asText(), report.path("target").asText(),
                ReportDocument.runVerdict(report), started.plusMillis(report.path("durationMs").asLong()),
                report.path("fingerprint").path("digest").asText(), counts, probes, report);
    }

    /** The probes that failed or were blocked. */
    public List<Probe> notPassed() {
        return probes.stream().filter(Probe::failedOrBlocked).toList();
    }
}
