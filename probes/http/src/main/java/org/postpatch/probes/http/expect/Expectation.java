package org.postpatch.probes.http.expect;

import org.postpatch.api.ProbeContext;

/** One declared expectation about a response, such as its status or a JSON value. */
public interface Expectation {

    /** Adds a reason to {@code mismatches} for each way the response falls short. */
    void check(ReceivedResponse response, ProbeContext context, Mismatches mismatches);

    /** True when checking needs the body parsed as JSON. */
    default boolean needsJson() {
        return false;
    }
}
