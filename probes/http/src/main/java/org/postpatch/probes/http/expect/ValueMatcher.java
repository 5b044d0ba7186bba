package org.postpatch.probes.http.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.postpatch.api.ProbeContext;

/** Every rule declared for one value (a JSONPath or a header); all of them must hold. */
public final class ValueMatcher {

    private final List<Rule> rules;

    public ValueMatcher(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The first rule that {@code found} breaks, phrased for an operator; empty when all hold. */
    public Optional<String> mismatch(JsonNode found, ProbeContext context) {
        for (Rule rule : rules) {
            Optional<String> problem = rule.mismatch(found, context);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }
}
