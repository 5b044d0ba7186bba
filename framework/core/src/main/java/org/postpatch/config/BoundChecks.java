package org.postpatch.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.postpatch.spi.Check;
import org.postpatch.spi.ProbeKind;

/**
 * The checks bound in one run, kept for the next run of the same runner: a probe whose block
 * resolves to the same values again, of a kind whose checks may run again
 * ({@link ProbeKind#checksReusable()}), is not bound again. Only the probes of the last run are
 * kept, so a process that reads its probe files again for each run keeps one run's checks, not all.
 */
@API(status = INTERNAL, since = "0.1")
public final class BoundChecks {

    /** A check, and what it was bound from: its kind and the values put in for its references. */
    private record Bound(Class<?> kind, List<List<TextPart>> values, Check check) {
    }

    // Keyed by the probe's block itself (identity): the same probe of the same loaded suite.
    private volatile Map<ConfigNode, Bound> previous = Map.of();
    private volatile Map<ConfigNode, Bound> current = new ConcurrentHashMap<>();

    /** The check bound earlier from this block with these values by this kind, or null. */
    Check get(ConfigNode block, ProbeKind kind, List<List<TextPart>> values) {
        Bound bound = current.get(block);
        if (bound == null) {
            bound = previous.get(block);
            if (bound != null) {
                current.put(block, bound);
            }
        }
        return bound != null && bound.kind() == kind.getClass() && bound.values().equals(values) ? bound.check() : null;
    }

    void put(ConfigNode block, ProbeKind kind, List<List<TextPart>> values, Check check) {
        current.put(block, new Bound(kind.getClass(), List.copyOf(values), check));
    }

    /** Called when a run has ended: what it did not use is dropped at the end of the next. */
    public synchronized void runEnded() {
        previous = current;
        current = new ConcurrentHashMap<>();
    }
}
