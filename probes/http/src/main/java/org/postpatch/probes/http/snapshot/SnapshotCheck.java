package org.postpatch.probes.http.snapshot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postpatch.api.Outcome;
import org.postpatch.api.ProbeContext;
import org.postpatch.probes.http.expect.JsonPath;
import org.postpatch.probes.http.expect.ReceivedResponse;

/**
 * The {@code snapshot} expectation of one {@code http} probe. In a run judged against a baseline it
 * compares the response with the baseline's snapshot; in a run that records snapshots it hands what
 * it observed to postpatch, which samples the probe twice and has {@link #sampledTwice} keep the
 * first sample with the noise learned from both.
 */
public final class SnapshotCheck {

    /** How many differences the JSON report lists (the count says how many there were). */
    private static final int REPORTED = 20;

    /** About how long the list of differences in a reason may grow before the rest are only counted. */
    private static final int REASON_LENGTH = 360;

    private final SnapshotSpec spec;

    public SnapshotCheck(SnapshotSpec spec) {
        this.spec = spec;
    }

    /**
     * What the snapshot expectation found in one response.
     *
     * @param reason  why the response does not match the baseline's snapshot; null when it does or was not compared
     * @param note    what to add to a passing probe's message; null for nothing
     * @param details the {@code snapshot} detail for the report; empty when not compared
     * @param sample  what was observed, for a run that records snapshots; null otherwise
     */
    public record Judged(String reason, String note, Map<String, Object> details, String sample) {
    }

    /** Compares the response with the baseline's snapshot, if there is one, and observes it for recording. */
    public Judged judge(ReceivedResponse response, ProbeContext context, String request) {
        Optional<String> recorded = context.baselineSnapshot();
        ObjectNode now = recorded.isPresent() || context.recordsSnapshot()
                ? Observation.of(response, context, spec.recordedHeaders()) : null;
        String sample = context.recordsSnapshot()
                ? new RecordedSnapshot.Sample(request, now, Instant.now()).toJson() : null;
        if (recorded.isEmpty()) {
            String note = context.baselineRunId().map(id -> "snapshot not compared: baseline " + id
                    + " recorded none for this probe").orElse(context.recordsSnapshot() ? null
                    : "snapshot not compared: no baseline");
            return new Judged(null, note, Map.of(), sample);
        }
        RecordedSnapshot baseline;
        try {
            baseline = RecordedSnapshot.parse(recorded.get());
        } catch (IllegalArgumentException unreadable) {
            return new Judged(null, "snapshot not compared: the baseline's cannot be read (" + unreadable.getMessage()
                    + "); record a new baseline", Map.of(), sample);
        }
        List<Difference> differences = SnapshotDiff.between(baseline, now, spec.ignore());
        Map<String, Object> details = details(context, baseline, differences);
        if (differences.isEmpty()) {
            return new Judged(null, "snapshot unchanged" + (baseline.noise().isEmpty() ? ""
                    : " (noise ignored: " + listed(baseline.noise().labels()) + ")"), details, sample);
        }
        String requestNote = request.equals(baseline.request()) ? ""
                : " (the baseline's request was " + baseline.request() + ")";
        return new Judged(reason(context, differences) + requestNote, null, details, sample);
    }

    /** The reason: the differences, as many as read well, then how many more. */
    private static String reason(ProbeContext context, List<Difference> differences) {
        StringBuilder shown = new StringBuilder();
        int count = 0;
        for (Difference difference : differences) {
            String described = difference.describe(context);
            if (count > 0 && shown.length() + described.length() > REASON_LENGTH) {
                break;
            }
            shown.append(count > 0 ? ", " : "").append(described);
            count++;
        }
        int left = differences.size() - count;
        return "snapshot: " + (left > 0 ? differences.size() + " differences: " : "") + shown
                + (left > 0 ? " (and " + left + " more)" : "");
    }

    private Map<String, Object> details(ProbeContext context, RecordedSnapshot baseline, List<Difference> differences) {
        Map<String, Object> details = new LinkedHashMap<>();
        context.baselineRunId().ifPresent(id -> details.put("baseline", id));
        details.put("differenceCount", differences.size());
        details.put("differences", differences.stream().limit(REPORTED).map(d -> d.toReport(context)).toList());
        details.put("noise", baseline.noise().labels());
        if (!spec.ignore().isEmpty()) {
            details.put("ignored", spec.ignore().stream().map(JsonPath::toString).toList());
        }
        if (!baseline.cut().isEmpty()) {
            details.put("recordedPart", "the first " + kilobytes(Capped.BUDGET) + " of " + kilobytes(baseline.observedChars()));
        }
        return details;
    }

    /**
     * The first sample kept, with the noise learned from both; nothing recorded when the second did
     * not pass (what differs between a passing and a failing answer is no measure of noise).
     */
    public Outcome sampledTwice(Outcome first, Outcome second) {
        if (!second.isPassed() || second.snapshot().isEmpty()) {
            return first.withSnapshot(null).withMessage(first.message() + "; snapshot NOT recorded: the second sample "
                    + (second.isPassed() ? "observed nothing" : "failed (" + second.message() + ")")
                    + ", so its noise could not be learned");
        }
        RecordedSnapshot.Sample a = RecordedSnapshot.Sample.parse(first.snapshot().get());
        RecordedSnapshot.Sample b = RecordedSnapshot.Sample.parse(second.snapshot().get());
        Noise noise = Noise.learn(a.response(), b.response(), a.at());
        RecordedSnapshot recorded = RecordedSnapshot.of(a, noise);
        String text = recorded.toJson();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("noise", noise.labels());
        details.put("chars", text.length());
        String cut = "";
        if (!recorded.cut().isEmpty()) {
            cut = "; only the first " + kilobytes(Capped.BUDGET) + " of the " + kilobytes(recorded.observedChars())
                    + " response kept";
            details.put("recordedPart", "the first " + kilobytes(Capped.BUDGET) + " of " + kilobytes(recorded.observedChars()));
        }
        return first.withSnapshot(text).withDetail("snapshotRecorded", details).withMessage(first.message()
                + "; snapshot recorded (" + (noise.isEmpty() ? "no noise" : "noise: " + listed(noise.labels())) + cut + ")");
    }

    /** At most five, then how many more. */
    private static String listed(List<String> labels) {
        int shown = Math.min(5, labels.size());
        return String.join(", ", labels.subList(0, shown)) + (labels.size() > shown ? " and " + (labels.size() - shown)
                + " more" : "");
    }

    private static String kilobytes(long chars) {
        return chars < 10 * 1024 ? chars + " characters" : (chars + 512) / 1024 + " KB";
    }
}
