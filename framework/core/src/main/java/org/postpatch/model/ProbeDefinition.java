package org.postpatch.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.postpatch.api.Severity;
import org.postpatch.config.ConfigNode;
import org.postpatch.config.SourceLocation;

/**
 * One declared probe, validated: its id, its kind and the kind's block (still with {@code ${...}}
 * references, resolved just before it runs), and the settings every probe shares.
 */
public record ProbeDefinition(
        String id,
        String kind,
        ConfigNode spec,
        List<String> needs,
        Severity severity,
        Duration timeout,
        RetryPolicy retry,
        Set<String> tags,
        SourceLocation location,
        Set<String> captures,
        LatencyTolerance latency) {

    public ProbeDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(spec, "spec");
        needs = List.copyOf(needs);
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retry, "retry");
        tags = Set.copyOf(tags);
        Objects.requireNonNull(location, "location");
        captures = Set.copyOf(captures);
        Objects.requireNonNull(latency, "latency");
    }

    /** The same probe, with the names it captures (known once its kind has read it). */
    public ProbeDefinition withCaptures(Set<String> names) {
        return new ProbeDefinition(id, kind, spec, needs, severity, timeout, retry, tags, location, names, latency);
    }
}
