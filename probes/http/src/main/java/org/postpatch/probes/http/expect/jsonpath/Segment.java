package org.postpatch.probes.http.expect.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One segment of a query: selectors applied to each input node ({@code .a}, {@code [0, 'b']}), or
 * with {@code descendant}, to each input node and all its descendants ({@code ..a}).
 *
 * @param spaced true when written with blank space inside its brackets ({@code [ 0 ]}), which RFC 9535
 *               allows in a query but not in the singular queries a filter compares
 */
record Segment(List<Selector> selectors, boolean descendant, boolean spaced) {

    Segment {
        selectors = List.copyOf(selectors);
    }

    boolean isSingular() {
        return !descendant && selectors.size() == 1
                && (selectors.get(0) instanceof Selector.Name || selectors.get(0) instanceof Selector.Index);
    }

    void apply(Node node, JsonNode root, List<Node> into) {
        if (!descendant) {
            applySelectors(node, root, into);
            return;
        }
        // Depth first, a node before its descendants and array elements in order, as RFC 9535 asks;
        // with a stack rather than recursion, so that a deeply nested document cannot overflow it.
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(node);
        while (!pending.isEmpty()) {
            Node visited = pending.pop();
            applySelectors(visited, root, into);
            List<Node> children = visited.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.push(children.get(i));
            }
        }
    }

    private void applySelectors(Node node, JsonNode root, List<Node> into) {
        for (Selector selector : selectors) {
            selector.select(node, root, into);
        }
    }
}
