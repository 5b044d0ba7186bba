package org.postpatch.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postpatch.api.Outcome;
import org.postpatch.api.ProbeStatus;
import org.postpatch.model.ProbeDefinition;
import org.postpatch.model.Suite;
import org.postpatch.result.ProbeResult;

/** The result of a probe that ran, made from its outcome: every text in it redacted, long messages shortened. */
final class ProbeResults {

    private ProbeResults() {
    }

    static ProbeResult of(Suite suite, ProbeDefinition probe, Outcome outcome, RunControl control, Instant startedAt,
                          Duration total, Duration lastAttempt, int attempts) {
        Map<String, Object> details = new LinkedHashMap<>();
        outcome.details().forEach((key, value) -> details.put(key, redacted(control, value)));
        List<Outcome.Part> parts = new ArrayList<>();
        for (Outcome.Part part : outcome.parts()) {
            parts.add(new Outcome.Part(part.name(), part.status(), part.duration(),
                    Failures.shortened(control.redactor().redact(part.message()))));
        }
        return new ProbeResult(suite.name(), probe.id(), probe.kind(), probe.severity(), outcome.status(), startedAt,
                total, lastAttempt, Math.max(attempts, outcome.status() == ProbeStatus.SKIPPED ? 0 : 1),
                Failures.shortened(control.redactor().redact(outcome.message())), List.of(), details, parts, outcome.attachments(),
                probe.location().toString(), outcome.isLate(), List.of(), null, recordedSnapshot(control, outcome));
    }

    /** The snapshot to record: only in a run that records them, and never one over the limit. */
    private static String recordedSnapshot(RunControl control, Outcome outcome) {
        return outcome.snapshot().filter(snapshot -> control.snapshots().record() && snapshot.length() <= Snapshots.MAX_CHARS)
                .orElse(null);
    }

    /** Strings, and strings inside lists and maps, with secrets masked. */
    private static Object redacted(RunControl control, Object value) {
        if (value instanceof String text) {
            return control.redactor().redact(text);
        }
        if (value instanceof java.util.Collection<?> items) {
            return items.stream().map(item -> redacted(control, item)).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(key, redacted(control, item)));
            return copy;
        }
        return value;
    }
}
