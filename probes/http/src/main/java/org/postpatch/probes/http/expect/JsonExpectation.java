package org.postpatch.probes.http.expect;

import java.io.IOException;
import org.postpatch.api.ProbeContext;

/** The value at a JSONPath in the JSON body against a matcher: {@code $.status: UP}. */
public record JsonExpectation(JsonPath path, ValueMatcher matcher) implements Expectation {

    @Override
    public void check(ReceivedResponse response, ProbeContext context, Mismatches mismatches) {
        try {
            matcher.mismatch(path.read(response.json()), context)
                    .ifPresent(problem -> mismatches.add(path + ": " + problem));
        } catch (IOException notJson) {
            // Reported once for the whole body by the check, before any JSON expectation runs.
        }
    }

    @Override
    public boolean needsJson() {
        return true;
    }
}
