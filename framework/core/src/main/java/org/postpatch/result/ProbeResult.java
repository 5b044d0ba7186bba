package org.postpatch.result;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.postpatch.api.Outcome;
import org.postpatch.api.ProbeStatus;
import org.postpatch.api.Severity;

/**
 * What happened to one probe in one run. Messages are already redacted.
 *
 * @param duration      wall time from the first attempt's start to the end, retries included
 * @param lastAttempt   time taken by the last attempt alone (the latency that drift is judged on)
 * @param blockedBy     for BLOCKED: the failed probes at the root of the chain
 */
public record ProbeResult(
        String suite,
        String id,
        String kind,
        Severity severity,
        ProbeStatus status,
        Instant startedAt,
        Duration duration,
        Duration lastAttempt,
        int attempts,
        String message,
        List<String> blockedBy,
        Map<String, Object> details,
        List<Outcome.Part> parts,
        List<Outcome.Attachment> attachments,
        String location) {

    public ProbeResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
        blockedBy = List.copyOf(blockedBy);
        details = Map.copyOf(details);
        parts = List.copyOf(parts);
        attachments = List.copyOf(attachments);
    }

    public boolean passed() {
        return status == ProbeStatus.PASSED;
    }

    /** The same result with another last-attempt time (the fastest of several samples). */
    public ProbeResult withLastAttempt(Duration time) {
        return new ProbeResult(suite, id, kind, severity, status, startedAt, duration, time, attempts, message, blockedBy,
                details, parts, attachments, location);
    }
}
