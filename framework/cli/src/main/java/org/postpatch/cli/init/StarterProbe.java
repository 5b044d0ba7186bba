package org.postpatch.cli.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code http} probe of a starter suite, before it is written.
 *
 * @param id          the probe's id
 * @param description what it protects, in a sentence
 * @param comments    lines written above it: where it came from, what was found
 * @param warmUp      true for the health probe: polled while the application starts (no needs)
 * @param needs       ids of the probes it needs
 * @param http        the {@code http} block: {@code get} (a URL on {@code ${base}}) and {@code expect}
 */
public record StarterProbe(String id, String description, List<String> comments, boolean warmUp, List<String> needs,
                           ObjectNode http) {

    public StarterProbe {
        comments = List.copyOf(comments);
        needs = List.copyOf(needs);
        http = http.deepCopy();
    }

    /** A GET of {@code ${base}} plus {@code path} (already escaped for probe files), expecting {@code expect}. */
    public static ObjectNode get(String path, ObjectNode expect) {
        ObjectNode http = JsonNodeFactory.instance.objectNode();
        http.put("get", "${base}" + path);
        http.set("expect", expect);
        return http;
    }

    /** The URL as written, for messages: {@code ${base}/api/orders}. */
    public String url() {
        return http.path("get").asText();
    }

    /** True when the probe checks the body against a JSON Schema. */
    public boolean hasSchema() {
        return http.path("expect").has("schema");
    }

    /** The JSON Schema the body is checked against, or a missing node. */
    public JsonNode schema() {
        return http.path("expect").path("schema");
    }

    /** The same probe checking everything but the schema. */
    public StarterProbe withoutSchema() {
        ObjectNode copy = http.deepCopy();
        ((ObjectNode) copy.get("expect")).remove("schema");
        return new StarterProbe(id, description, comments, warmUp, needs, copy);
    }

    /** The same probe under another id. */
    public StarterProbe withId(String other) {
        return new StarterProbe(other, description, comments, warmUp, needs, http);
    }

    /** The same probe with one more comment line. */
    public StarterProbe withComment(String comment) {
        List<String> more = new ArrayList<>(comments);
        more.add(comment);
        return new StarterProbe(id, description, more, warmUp, needs, http);
    }

    /** The same probe needing {@code other} (the health probe). */
    public StarterProbe needing(String other) {
        return new StarterProbe(id, description, comments, warmUp, List.of(other), http);
    }
}
