package org.postpatch.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Collects every problem found while reading probe files, so that an operator sees all of them at
 * once instead of fixing one per run. Thread-confined: one loader uses one instance.
 */
@API(status = INTERNAL, since = "0.1")
public final class Problems {

    private final List<Problem> found = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();
    private String probeId;

    /** Records a problem at a location, attributed to the probe currently being read (if any). */
    public void add(SourceLocation location, String message) {
        add(location, probeId, message);
    }

    /** Records a problem attributed to a specific probe; the same problem twice is kept once. */
    public void add(SourceLocation location, String probe, String message) {
        Problem problem = new Problem(location, probe, message);
        if (!found.contains(problem)) {
            found.add(problem);
        }
    }

    /**
     * Records a warning: something valid that the author should know about (it does not refuse the
     * file), attributed to the probe currently being read.
     */
    public void warn(SourceLocation location, String message) {
        Problem warning = new Problem(location, probeId, message);
        if (!warnings.contains(warning)) {
            warnings.add(warning);
        }
    }

    /** The warnings, in the order they were found. */
    public List<Problem> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** Sets the probe that following problems belong to; {@code null} for the suite level. */
    public void inProbe(String id) {
        this.probeId = id;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public int size() {
        return found.size();
    }

    /** The problems in file, line and column order. */
    public List<Problem> all() {
        List<Problem> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparing((Problem p) -> p.location().file())
                .thenComparingInt(p -> p.location().line())
                .thenComparingInt(p -> p.location().column()));
        return Collections.unmodifiableList(sorted);
    }

    /** Throws {@link InvalidSuiteException} carrying every problem when there is any. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidSuiteException(all());
        }
    }
}
