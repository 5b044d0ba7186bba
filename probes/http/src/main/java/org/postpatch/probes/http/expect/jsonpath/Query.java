package org.postpatch.probes.http.expect.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed JSONPath query: {@code $} (or a filter's {@code @}) followed by segments. Immutable and
 * thread-safe; selecting walks the tree and returns the nodelist in the order RFC 9535 gives it.
 */
public final class Query {

    private final List<Segment> segments;
    private final boolean singular;
    private final boolean comparable;

    Query(List<Segment> segments) {
        this.segments = List.copyOf(segments);
        this.singular = this.segments.stream().allMatch(Segment::isSingular);
        this.comparable = singular && this.segments.stream().noneMatch(Segment::spaced);
    }

    /**
     * True for a singular query (names and indexes only, such as {@code $.a[0].b}): it selects at
     * most one node.
     */
    public boolean isSingular() {
        return singular;
    }

    /**
     * True for a query a filter may compare or pass as a value: singular, and written as RFC 9535's
     * {@code singular-query} (no blank space inside its brackets).
     */
    boolean isComparable() {
        return comparable;
    }

    /** The nodes this query selects in {@code document}, in order; empty when none. */
    public List<Node> select(JsonNode document) {
        return select(Node.root(document), document);
    }

    /** The nodes selected from {@code start}; {@code root} is what {@code $} means inside filters. */
    List<Node> select(Node start, JsonNode root) {
        List<Node> current = List.of(start);
        for (Segment segment : segments) {
            List<Node> next = new ArrayList<>();
            for (Node node : current) {
                segment.apply(node, root, next);
            }
            if (next.isEmpty()) {
                return List.of();
            }
            current = next;
        }
        return current;
    }
}
