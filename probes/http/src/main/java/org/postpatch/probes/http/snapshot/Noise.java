package org.postpatch.probes.http.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.postpatch.probes.http.expect.Json;
import org.postpatch.probes.http.expect.jsonpath.Node;

/**
 * What differed between two samples of a response, learned so that later comparisons leave it out.
 * Two grades, as paths in the {@link Observation}:
 * <ul>
 *   <li>{@code values}: the value differed (or reads the clock) but the type did not — later, the
 *       path must still be there with that type, its value is not compared. An index that was noise
 *       in every element of an array is written {@code [*]};</li>
 *   <li>{@code whole}: present in one sample only, of another type, or an array whose length
 *       differed — later, nothing at or under the path is compared.</li>
 * </ul>
 */
final class Noise {

    static final Noise NONE = new Noise(List.of(), List.of());

    private final List<String> values;
    private final List<String> whole;

    private Noise(List<String> values, List<String> whole) {
        this.values = List.copyOf(values);
        this.whole = List.copyOf(whole);
    }

    /** What differs between two observations of the same request, the first sampled at {@code sampledAt}. */
    static Noise learn(JsonNode first, JsonNode second, Instant sampledAt) {
        List<Node> values = new ArrayList<>();
        List<Node> whole = new ArrayList<>();
        walk(Node.root(first), second, sampledAt, values, whole);
        return new Noise(collapsed(values, first), whole.stream().map(node -> Paths.normalized(Paths.steps(node))).toList());
    }

    private static void walk(Node a, JsonNode b, Instant at, List<Node> values, List<Node> whole) {
        JsonNode value = a.value();
        if (value.getNodeType() != b.getNodeType()) {
            whole.add(a);
        } else if (value.isObject()) {
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                Node child = new Node(field.getValue(), a, field.getKey(), -1);
                JsonNode other = b.get(field.getKey());
                if (other == null) {
                    whole.add(child);
                } else {
                    walk(child, other, at, values, whole);
                }
            }
            for (Map.Entry<String, JsonNode> field : b.properties()) {
                if (!value.has(field.getKey())) {
                    whole.add(new Node(field.getValue(), a, field.getKey(), -1));
                }
            }
        } else if (value.isArray()) {
            if (value.size() != b.size()) {
                whole.add(a);
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                walk(new Node(value.get(i), a, null, i), b.get(i), at, values, whole);
            }
        } else if (!SnapshotDiff.same(value, b) || ClockReadings.read(value, at)) {
            values.add(a);
        }
    }

    /**
     * The paths, with {@code [*]} for an index whose every element had the same noise (the id of every
     * item): shorter to keep and to read, and it holds for the items a later answer has.
     */
    private static List<String> collapsed(List<Node> nodes, JsonNode first) {
        Map<List<Object>, List<List<Object>>> byForm = new LinkedHashMap<>();
        for (Node node : nodes) {
            List<Object> steps = Paths.steps(node);
            byForm.computeIfAbsent(Paths.everyIndex(steps), form -> new ArrayList<>()).add(steps);
        }
        Map<List<Object>, Integer> occurrences = new HashMap<>();
        count(first, new ArrayList<>(), byForm, occurrences);
        List<String> paths = new ArrayList<>();
        byForm.forEach((form, members) -> {
            if (members.size() > 1 && members.size() == occurrences.getOrDefault(form, 0)) {
                paths.add(Paths.normalized(form));
            } else {
                members.forEach(steps -> paths.add(Paths.normalized(steps)));
            }
        });
        return paths;
    }

    /** How many nodes of {@code tree} each form (with every index as {@code *}) has, for the forms asked. */
    private static void count(JsonNode tree, List<Object> form, Map<List<Object>, ?> asked, Map<List<Object>, Integer> counts) {
        if (asked.containsKey(form)) {
            counts.merge(List.copyOf(form), 1, Integer::sum);
        }
        if (tree.isObject()) {
            for (Map.Entry<String, JsonNode> field : tree.properties()) {
                form.add(field.getKey());
                count(field.getValue(), form, asked, counts);
                form.remove(form.size() - 1);
            }
        } else if (tree.isArray()) {
            form.add(Paths.EVERY);
            tree.forEach(item -> count(item, form, asked, counts));
            form.remove(form.size() - 1);
        }
    }

    /** Noise as written by {@link #toJson()}. */
    static Noise read(JsonNode stored) {
        if (stored == null || !stored.isObject()) {
            return NONE;
        }
        return new Noise(texts(stored.path("values")), texts(stored.path("whole")));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    ObjectNode toJson() {
        ObjectNode json = Json.nodes().objectNode();
        ArrayNode valueArray = json.putArray("values");
        values.forEach(valueArray::add);
        ArrayNode wholeArray = json.putArray("whole");
        whole.forEach(wholeArray::add);
        return json;
    }

    /** Paths whose values are noise (type still compared). */
    List<String> values() {
        return values;
    }

    /** Paths where nothing is compared. */
    List<String> whole() {
        return whole;
    }

    boolean isEmpty() {
        return values.isEmpty() && whole.isEmpty();
    }

    /** The paths as an operator reads them, in document order of their learning. */
    List<String> labels() {
        List<String> labels = new ArrayList<>();
        values.forEach(path -> labels.add(Paths.label(Paths.parse(path))));
        whole.forEach(path -> labels.add(Paths.label(Paths.parse(path))));
        return labels.stream().distinct().toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Noise noise && values.equals(noise.values) && whole.equals(noise.whole);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values, whole);
    }

    @Override
    public String toString() {
        return "Noise[values=" + values + ", whole=" + whole + "]";
    }
}
