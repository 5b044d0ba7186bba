package org.postpatch.probes.http.expect;

import java.util.ArrayList;
import java.util.List;

/** The reasons a response did not meet its expectations, in the order they were found. */
public final class Mismatches {

    private final List<String> reasons = new ArrayList<>();

    public void add(String reason) {
        reasons.add(reason);
    }

    public boolean isEmpty() {
        return reasons.isEmpty();
    }

    /** All reasons on one line. */
    public String join() {
        return String.join("; ", reasons);
    }
}
