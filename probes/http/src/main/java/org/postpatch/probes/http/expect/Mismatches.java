package org.postpatch.probes.http.expect;

import java.util.ArrayList;
import java.util.List;

/** The reasons a response did not meet its expectations, in the order they were found. */
public final class Mismatches {

    private final List<String> reasons = new ArrayList<>();
    private int late;

    public void add(String reason) {
        reasons.add(reason);
    }

    /** A reason that is only about time: the answer was right, but came too late. */
    public void addLate(String reason) {
        reasons.add(reason);
        late++;
    }

    /** True when there are reasons and every one is only about time ({@link #addLate}). */
    public boolean onlyLate() {
        return !reasons.isEmpty() && late == reasons.size();
    }

    public boolean isEmpty() {
        return reasons.isEmpty();
    }

    /** All reasons on one line. */
    public String join() {
        return String.join("; ", reasons);
    }
}
