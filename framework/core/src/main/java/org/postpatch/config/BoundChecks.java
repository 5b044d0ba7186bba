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

    /** A check, what it was bound from (its kind, the values put in for its references), and when it was last used. */
    private static final class Bound {
        final Class<?> kind;
        final List<List<TextPart>> values;
        final Check check;
        volatile int usedInRun;

        Bound(Class<?> kind, List<List<TextPart>> values, Check check, int run) {
            this.kind = kind;
            this.values = values;
            this.check = check;
            this.usedInRun = run;
        }
    }

    // Keyed by the probe's block itself (identity): the same probe of the same loaded suite.
    private final Map<ConfigNode, Bound> bound = new ConcurrentHashMap<>();
    private volatile int run;

    /** The check bound earlier from this block with these values by this kind, or null. */
    Check get(ConfigNode block, ProbeKind kind, List<List<TextPart>> values) {
        Bound earlier = bound.get(block);
        if (earlier == null || earlier.kind != kind.getClass() || !earlier.values.equals(values)) {
            return null;
        }
        earlier.usedInRun = run;
        return earlier.check;
    }

    void put(ConfigNode block, ProbeKind kind, List<List<TextPart>> values, Check check) {
        bound.put(block, new Bound(kind.getClass(), List.copyOf(values), check, run));
    }

    /** Called when a run has ended: the checks it did not use are dropped. */
    public synchronized void runEnded() {
        int ended = run;
        bound.values().removeIf(check -> check.usedInRun != ended);
        run = ended + 1;
    }
}
