package org.postpatch.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The result of one attempt of a probe: passed, failed or skipped, with a one-line message and
 * optional details, captured values, attachments and parts (the tests inside a {@code junit} probe).
 * Immutable; the {@code with...} methods return copies.
 */
@API(status = STABLE, since = "0.1")
public final class Outcome {

    /** One part of a probe's result, such as one test of a {@code junit} probe. */
    public record Part(String name, ProbeStatus status, Duration duration, String message) {
        public Part {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
            duration = duration == null ? Duration.ZERO : duration;
            message = message == null ? "" : message;
        }
    }

    /** A file attached to the result, such as a screenshot. */
    public record Attachment(Path file, String mediaType) {
    }

    private final ProbeStatus status;
    private final String message;
    private final Map<String, Object> details;
    private final Map<String, String> captures;
    private final List<Attachment> attachments;
    private final List<Part> parts;
    private final boolean late;
    private final String snapshot;

    private Outcome(ProbeStatus status, String message, Map<String, Object> details, Map<String, String> captures,
                    List<Attachment> attachments, List<Part> parts, boolean late, String snapshot) {
        this.status = status;
        this.message = message == null ? "" : message;
        this.details = details;
        this.captures = captures;
        this.attachments = attachments;
        this.parts = parts;
        this.late = late;
        this.snapshot = snapshot;
    }

    private static Outcome of(ProbeStatus status, String message) {
        return new Outcome(status, message, Map.of(), Map.of(), List.of(), List.of(), false, null);
    }

    public static Outcome passed() {
        return of(ProbeStatus.PASSED, "");
    }

    public static Outcome passed(String message) {
        return of(ProbeStatus.PASSED, message);
    }

    /** A failure; the reason says what was expected and what was found. */
    public static Outcome failed(String reason) {
        return of(ProbeStatus.FAILED, reason);
    }

    /**
     * A failure only because the answer came too late: a timeout, a latency budget ({@code within}).
     * Right after the target started such a miss is measured again once the target is warm before
     * it is judged.
     */
    public static Outcome late(String reason) {
        return new Outcome(ProbeStatus.FAILED, reason, Map.of(), Map.of(), List.of(), List.of(), true, null);
    }

    /** The probe does not apply here (for example, a check for another operating system). */
    public static Outcome skipped(String reason) {
        return of(ProbeStatus.SKIPPED, reason);
    }

    public Outcome withDetail(String key, Object value) {
        Objects.requireNonNull(key, "detail key");
        Objects.requireNonNull(value, () -> "detail '" + key + "' is null; leave it out instead");
        Map<String, Object> copy = new LinkedHashMap<>(details);
        copy.put(key, value);
        return new Outcome(status, message, Collections.unmodifiableMap(copy), captures, attachments, parts, late, snapshot);
    }

    /** A value for the probes that need this one, usable there as {@code ${name}}. */
    public Outcome withCapture(String name, String value) {
        Objects.requireNonNull(name, "capture name");
        Objects.requireNonNull(value, () -> "captured value '" + name + "' is null");
        Map<String, String> copy = new LinkedHashMap<>(captures);
        copy.put(name, value);
        return new Outcome(status, message, details, Collections.unmodifiableMap(copy), attachments, parts, late, snapshot);
    }

    public Outcome withAttachment(Path file, String mediaType) {
        List<Attachment> copy = new ArrayList<>(attachments);
        copy.add(new Attachment(file, mediaType));
        return new Outcome(status, message, details, captures, List.copyOf(copy), parts, late, snapshot);
    }

    public Outcome withParts(List<Part> newParts) {
        return new Outcome(status, message, details, captures, attachments, List.copyOf(newParts), late, snapshot);
    }

    /**
     * What this attempt observed, for a run that records snapshots ({@link ProbeContext#recordsSnapshot()})
     * to keep and a later run to compare with ({@link ProbeContext#baselineSnapshot()}): text in a form
     * the kind defines, with secrets already masked (postpatch stores it as given). Null removes it.
     */
    public Outcome withSnapshot(String observed) {
        return new Outcome(status, message, details, captures, attachments, parts, late, observed);
    }

    /** The same outcome with another message. */
    public Outcome withMessage(String newMessage) {
        return new Outcome(status, newMessage, details, captures, attachments, parts, late, snapshot);
    }

    public ProbeStatus status() {
        return status;
    }

    public boolean isPassed() {
        return status == ProbeStatus.PASSED;
    }

    public String message() {
        return message;
    }

    /** True for a failure only because the answer came too late ({@link #late(String)}). */
    public boolean isLate() {
        return late && status == ProbeStatus.FAILED;
    }

    /** What this attempt observed for a snapshot ({@link #withSnapshot}); empty when nothing. */
    public Optional<String> snapshot() {
        return Optional.ofNullable(snapshot);
    }

    public Map<String, Object> details() {
        return details;
    }

    public Map<String, String> captures() {
        return captures;
    }

    public List<Attachment> attachments() {
        return attachments;
    }

    public List<Part> parts() {
        return parts;
    }

    @Override
    public String toString() {
        return status + (message.isEmpty() ? "" : ": " + message);
    }
}
