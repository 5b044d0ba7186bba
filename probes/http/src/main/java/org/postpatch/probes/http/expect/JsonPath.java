package org.postpatch.probes.http.expect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import org.postpatch.probes.http.expect.jsonpath.InvalidPathException;
import org.postpatch.probes.http.expect.jsonpath.Node;
import org.postpatch.probes.http.expect.jsonpath.Query;
import org.postpatch.probes.http.expect.jsonpath.QueryParser;

/**
 * A JSONPath of a probe file: RFC 9535 (filters, {@code ..}, slices, unions, functions), parsed once
 * when the probe is bound; selecting is a walk down the tree.
 */
public final class JsonPath {

    private final String text;
    private final Query query;

    private JsonPath(String text, Query query) {
        this.text = text;
        this.query = query;
    }

    /**
     * Parses a path from a probe file: RFC 9535, and names after a dot may also use characters the
     * RFC leaves out ({@code $.first-name}), as postpatch always read them.
     *
     * @throws InvalidPathException saying where and why the text is not a path
     */
    public static JsonPath parse(String text) {
        return new JsonPath(text, QueryParser.parse(text, true));
    }

    /**
     * Parses a path exactly as RFC 9535 defines it.
     *
     * @throws InvalidPathException saying where and why the text is not a query
     */
    public static JsonPath parseStrictly(String text) {
        return new JsonPath(text, QueryParser.parse(text, false));
    }

    /** True when the path selects at most one value: names and indexes only (RFC 9535's singular query). */
    public boolean isDefinite() {
        return query.isSingular();
    }

    /** Every node the path selects, in order, with where each is; empty when none. */
    public List<Node> select(JsonNode root) {
        return query.select(root);
    }

    /**
     * The value at this path: a {@link MissingNode} when nothing is there; for a path that can select
     * several values, an array of every match (missing when nothing matched).
     */
    public JsonNode read(JsonNode root) {
        List<Node> nodes = query.select(root);
        if (nodes.isEmpty()) {
            return MissingNode.getInstance();
        }
        if (isDefinite()) {
            return nodes.get(0).value();
        }
        return values(nodes);
    }

    /** The values of {@code nodes} as one array, in order. */
    static ArrayNode values(List<Node> nodes) {
        ArrayNode all = JsonNodeFactory.instance.arrayNode(nodes.size());
        nodes.forEach(node -> all.add(node.value()));
        return all;
    }

    @Override
    public String toString() {
        return text;
    }
}
