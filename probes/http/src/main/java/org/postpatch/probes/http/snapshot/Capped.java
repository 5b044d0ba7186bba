package org.postpatch.probes.http.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.postpatch.probes.http.expect.Json;

/**
 * An observation cut to the size a snapshot keeps: values in document order until about
 * {@link #BUDGET} characters of JSON, then nothing more. Each container that was cut says how many of
 * its members or elements were kept (the last of them possibly cut itself), so that a comparison
 * looks only at what was kept.
 */
final class Capped {

    /** About how much of a response a snapshot keeps, in characters of JSON: 64 KB. */
    static final int BUDGET = 64 * 1024;

    private final Map<String, Integer> cut = new LinkedHashMap<>();
    private long remaining;
    private boolean stopped;
    private ObjectNode kept;

    private Capped(long budget) {
        this.remaining = budget;
    }

    /** The tree cut to {@code budget} characters, and where it was cut. */
    static Capped of(ObjectNode tree, long budget) {
        Capped capped = new Capped(budget);
        capped.kept = (ObjectNode) capped.copy(tree, "$");
        return capped;
    }

    /** What was kept. */
    ObjectNode tree() {
        return kept;
    }

    /** Normalized path of each container that was cut → how many members or elements it kept. */
    Map<String, Integer> cut() {
        return cut;
    }

    private JsonNode copy(JsonNode node, String path) {
        if (node.isContainerNode()) {
            remaining -= 2;
        }
        if (node.isObject()) {
            ObjectNode copy = Json.nodes().objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!fits(field.getValue(), field.getKey().length() + 4)) {
                    cut.put(path, copy.size());
                    break;
                }
                copy.set(field.getKey(), copy(field.getValue(), Paths.member(path, field.getKey())));
                if (stopped) {
                    cut.put(path, copy.size());
                    break;
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Json.nodes().arrayNode();
            for (int i = 0; i < node.size(); i++) {
                if (!fits(node.get(i), 1)) {
                    cut.put(path, copy.size());
                    break;
                }
                copy.add(copy(node.get(i), Paths.element(path, i)));
                if (stopped) {
                    cut.put(path, copy.size());
                    break;
                }
            }
            return copy;
        }
        return node;
    }

    /** Takes the room for a value (a container's own brackets only); false, and stops, when there is none. */
    private boolean fits(JsonNode value, int overhead) {
        long size = overhead + (value.isContainerNode() ? 0 : size(value));
        if (size > remaining) {
            stopped = true;
            return false;
        }
        remaining -= size;
        return true;
    }

    /** About how many characters a scalar takes as JSON. */
    static long size(JsonNode scalar) {
        if (scalar.isTextual()) {
            return scalar.textValue().length() + 2L;
        }
        return scalar.isNumber() ? scalar.numberValue().toString().length() : 5;
    }
}
