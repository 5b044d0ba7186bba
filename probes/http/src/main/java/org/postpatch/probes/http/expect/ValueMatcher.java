package org.postpatch.probes.http.expect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Optional;
import org.postpatch.api.ProbeContext;
import org.postpatch.probes.http.expect.jsonpath.Node;

/**
 * Every rule declared for one value (a JSONPath or a header); all of them must hold. For a path
 * that can select several values, each rule says whether it applies to the list of them
 * ({@code length}, {@code contains}, a list value...) or to each value ({@code gt}, {@code matches}...).
 */
public final class ValueMatcher {

    /**
     * One rule and how it applies to several selected values.
     *
     * @param onTheList true to apply it to the list of the selected values, false to each of them
     */
    public record Check(Rule rule, boolean onTheList) {
    }

    private final List<Check> checks;

    public ValueMatcher(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /** The first rule that {@code found} breaks, phrased for an operator; empty when all hold. */
    public Optional<String> mismatch(JsonNode found, ProbeContext context) {
        for (Check check : checks) {
            Optional<String> problem = check.rule().mismatch(found, context);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /**
     * The first rule the values selected by a path that can select several break; a rule on each value
     * names the first value that breaks it and how many do. Nothing selected is absent.
     */
    public Optional<String> mismatch(List<Node> selected, ProbeContext context) {
        JsonNode list = selected.isEmpty() ? MissingNode.getInstance() : JsonPath.values(selected);
        for (Check check : checks) {
            if (check.onTheList() || selected.isEmpty()) {
                Optional<String> problem = check.rule().mismatch(list, context);
                if (problem.isPresent()) {
                    return problem;
                }
                continue;
            }
            String first = null;
            Node where = null;
            int failing = 0;
            for (Node node : selected) {
                Optional<String> problem = check.rule().mismatch(node.value(), context);
                if (problem.isPresent()) {
                    failing++;
                    if (first == null) {
                        first = problem.get();
                        where = node;
                    }
                }
            }
            if (first != null) {
                return Optional.of(first + " at " + where.shownPath() + (selected.size() == 1 ? ""
                        : " (" + failing + " of " + selected.size() + " values " + (failing == 1 ? "fails" : "fail") + ")"));
            }
        }
        return Optional.empty();
    }
}
