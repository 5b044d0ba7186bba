package org.postpatch.probes.http.expect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.postpatch.api.ProbeContext;

/** A response header (name case-insensitive; several values joined by ", ") against a matcher. */
public record HeaderExpectation(String name, ValueMatcher matcher) implements Expectation {

    @Override
    public void check(ReceivedResponse response, ProbeContext context, Mismatches mismatches) {
        List<String> values = response.headers().allValues(name);
        JsonNode found = values.isEmpty() ? MissingNode.getInstance() : TextNode.valueOf(String.join(", ", values));
        matcher.mismatch(found, context).ifPresent(problem -> mismatches.add(name + " header: " + problem));
    }
}
