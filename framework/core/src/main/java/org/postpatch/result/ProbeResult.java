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
 * @param late          for FAILED: it failed only because the answer came too late (a timeout, a {@code within})
 * @param samples       every time the probe ran in this run, first first, when it ran more than once
 *                      (measured again warm, or run again to confirm a failure); empty when it ran once
 * @param confirmation  what running it again showed, when it had failed
 * @param snapshot      what it observed, for the ledger to keep and later runs to compare with, in a form
 *                      its kind defines, secrets masked; null when none (only runs that record snapshots
 *                      keep one; never in reports)
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
        String location,
        boolean late,
        List<Sample> samples,
        Confirmation confirmation,
        String snapshot) {

    public ProbeResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
        blockedBy = List.copyOf(blockedBy);
        details = Map.copyOf(details);
        parts = List.copyOf(parts);
        attachments = List.copyOf(attachments);
        samples = List.copyOf(samples);
        confirmation = confirmation == null ? Confirmation.NONE : confirmation;
    }

    /** A result of a probe that ran once. */
    public ProbeResult(String suite, String id, String kind, Severity severity, ProbeStatus status, Instant startedAt,
                       Duration duration, Duration lastAttempt, int attempts, String message, List<String> blockedBy,
                       Map<String, Object> details, List<Outcome.Part> parts, List<Outcome.Attachment> attachments,
                       String location) {
        this(suite, id, kind, severity, status, startedAt, duration, lastAttempt, attempts, message, blockedBy, details,
                parts, attachments, location, false, List.of(), Confirmation.NONE, null);
    }

    public boolean passed() {
        return status == ProbeStatus.PASSED;
    }

    /** {@code suite/id}: the probe's key across the suites of a run. */
    public String key() {
        return suite + "/" + id;
    }

    /** The same result with another last-attempt time (the fastest of several samples). */
    public ProbeResult withLastAttempt(Duration time) {
        return new ProbeResult(suite, id, kind, severity, status, startedAt, duration, time, attempts, message, blockedBy,
                details, parts, attachments, location, late, samples, confirmation, snapshot);
    }

    /** The same result with these samples and this confirmation. */
    public ProbeResult withSamples(List<Sample> taken, Confirmation confirmed) {
        return new ProbeResult(suite, id, kind, severity, status, startedAt, duration, lastAttempt, attempts, message,
                blockedBy, details, parts, attachments, location, late, taken, confirmed, snapshot);
    }

    /** The samples taken, or this result alone as its only sample. */
    public List<Sample> samplesOrSelf() {
        return samples.isEmpty() ? List.of(Sample.of(this)) : samples;
    }
}
