package org.postpatch.probes.http.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postpatch.probes.http.expect.Json;
import org.postpatch.probes.http.expect.JsonPath;
import org.postpatch.probes.http.expect.jsonpath.Node;

/**
 * A snapshot as the ledger keeps it: the request it answered, the first sample's
 * {@link Observation} — noise values replaced by a neutral value of their type (only the type is
 * compared), whole noise by null, cut to {@link Capped#BUDGET} — the {@link Noise} learned from two
 * samples, and where it was cut.
 */
final class RecordedSnapshot {

    private static final int FORMAT = 1;

    private final String request;
    private final ObjectNode response;
    private final Noise noise;
    private final Map<String, Integer> cut;
    private final long observedChars;

    private RecordedSnapshot(String request, ObjectNode response, Noise noise, Map<String, Integer> cut, long observedChars) {
        this.request = request;
        this.response = response;
        this.noise = noise;
        this.cut = Map.copyOf(cut);
        this.observedChars = observedChars;
    }

    /** One sample: what one attempt observed, as an outcome carries it to {@link SnapshotCheck#sampledTwice}. */
    record Sample(String request, ObjectNode response, Instant at) {

        String toJson() {
            ObjectNode json = Json.nodes().objectNode();
            json.put("sampled", at.toEpochMilli()).put("request", request).set("response", response);
            return Json.text(json);
        }

        static Sample parse(String text) {
            JsonNode json = tree(text);
            if (!json.path("response").isObject() || !json.path("sampled").canConvertToLong()) {
                throw new IllegalArgumentException("not a sample of a response");
            }
            return new Sample(json.path("request").asText(), (ObjectNode) json.get("response"),
                    Instant.ofEpochMilli(json.get("sampled").longValue()));
        }
    }

    /** The snapshot of {@code first}, with the noise learned from it and a second sample. */
    static RecordedSnapshot of(Sample first, Noise noise) {
        ObjectNode tree = first.response().deepCopy();
        replace(tree, noise.values(), true);
        replace(tree, noise.whole(), false);
        Capped capped = Capped.of(tree, Capped.BUDGET);
        long chars = capped.cut().isEmpty() ? 0 : Json.text(tree).length();
        return new RecordedSnapshot(first.request(), capped.tree(), noise, capped.cut(), chars);
    }

    /** Replaces what {@code paths} select: by a neutral value of its type, or by null. */
    private static void replace(ObjectNode tree, List<String> paths, boolean keepType) {
        for (String path : paths) {
            for (Node node : JsonPath.parseStrictly(path).select(tree)) {
                JsonNode value = keepType ? neutral(node.value()) : NullNode.getInstance();
                if (node.parent() == null) {
                    continue;
                }
                if (node.parent().value() instanceof ObjectNode object) {
                    object.set(node.name(), value);
                } else if (node.parent().value() instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
                    array.set(node.index(), value);
                }
            }
        }
    }

    private static JsonNode neutral(JsonNode value) {
        if (value.isTextual()) {
            return Json.nodes().textNode("");
        }
        if (value.isNumber()) {
            return Json.nodes().numberNode(0);
        }
        return value.isBoolean() ? Json.nodes().booleanNode(false) : value;
    }

    /**
     * Reads a snapshot written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException when it is not one this version reads
     */
    static RecordedSnapshot parse(String text) {
        JsonNode json = tree(text);
        if (json.path("snapshot").asInt() != FORMAT || !json.path("response").isObject()) {
            throw new IllegalArgumentException("not a snapshot of format " + FORMAT);
        }
        Map<String, Integer> cut = new LinkedHashMap<>();
        json.path("cut").properties().forEach(entry -> cut.put(entry.getKey(), entry.getValue().asInt()));
        Noise noise = Noise.read(json.get("noise"));
        for (String path : concat(noise.values(), noise.whole())) {
            try {
                JsonPath.parseStrictly(path);
                Paths.parse(path);
            } catch (RuntimeException unreadable) {
                throw new IllegalArgumentException("its noise path " + path + " is not one this version reads", unreadable);
            }
        }
        return new RecordedSnapshot(json.path("request").asText(), (ObjectNode) json.get("response"), noise, cut,
                json.path("observedChars").asLong());
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static JsonNode tree(String text) {
        try {
            return Json.parse(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            throw new IllegalArgumentException(unreadable.getMessage(), unreadable);
        }
    }

    String toJson() {
        ObjectNode json = Json.nodes().objectNode();
        json.put("snapshot", FORMAT).put("request", request);
        json.set("response", response);
        json.set("noise", noise.toJson());
        if (!cut.isEmpty()) {
            ObjectNode cuts = json.putObject("cut");
            cut.forEach(cuts::put);
            json.put("observedChars", observedChars);
        }
        return Json.text(json);
    }

    String request() {
        return request;
    }

    ObjectNode response() {
        return response;
    }

    Noise noise() {
        return noise;
    }

    /** Where the recorded response was cut: normalized path of a container → members or elements kept. */
    Map<String, Integer> cut() {
        return cut;
    }

    /** How many characters the whole response took, when it was cut; 0 otherwise. */
    long observedChars() {
        return observedChars;
    }
}
