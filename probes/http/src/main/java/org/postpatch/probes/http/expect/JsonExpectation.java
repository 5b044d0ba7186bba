package org.postpatch.probes.http.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.postpatch.api.ProbeContext;

/**
 * The value at a JSONPath in the JSON body against a matcher: {@code $.status: UP}. A path that can
 * select several values ({@code $.items[*].qty}, {@code $..price}, a filter) is matched as the
 * nodelist it selects (see {@link ValueMatcher#mismatch(java.util.List, ProbeContext)}).
 */
public record JsonExpectation(JsonPath path, ValueMatcher matcher) implements Expectation {

    @Override
    public void check(ReceivedResponse response, ProbeContext context, Mismatches mismatches) {
        JsonNode json;
        try {
            json = response.json();
        } catch (IOException notJson) {
            return; // Reported once for the whole body by the check, before any JSON expectation runs.
        }
        (path.isDefinite() ? matcher.mismatch(path.read(json), context) : matcher.mismatch(path.select(json), context))
                .ifPresent(problem -> mismatches.add(path + ": " + problem));
    }

    @Override
    public boolean needsJson() {
        return true;
    }
}
