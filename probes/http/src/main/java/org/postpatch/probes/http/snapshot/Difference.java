package org.postpatch.probes.http.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postpatch.api.ProbeContext;
import org.postpatch.probes.http.expect.Texts;

/**
 * One way a response differs from its snapshot: a path removed, added, of another type, with another
 * value, or a body of another kind altogether.
 *
 * @param steps     where, in the {@link Observation}
 * @param was       the recorded value (null when added); for {@link Change#BODY} the recorded body's kind
 * @param now       the value now (null when removed); for {@link Change#BODY} the body's kind now
 * @param wasNoise  the recorded value was noise: only its type is known
 */
record Difference(Change change, List<Object> steps, JsonNode was, JsonNode now, boolean wasNoise) {

    /** The ways a path can differ. */
    enum Change { REMOVED, ADDED, TYPE, VALUE, BODY }

    Difference {
        steps = List.copyOf(steps);
    }

    /** The difference as an operator reads it: {@code $.items[0].sku removed (was "A-1")}. */
    String describe(ProbeContext context) {
        String label = Paths.label(steps);
        return switch (change) {
            case REMOVED -> label + " removed (was " + shown(context, was) + ")";
            case ADDED -> label + " added (" + Texts.show(context, now) + ")";
            case TYPE -> label + " is now " + typed(context, now, false) + " (was " + typed(context, was, wasNoise) + ")";
            case VALUE -> label + " changed to " + Texts.show(context, now) + " (was " + Texts.show(context, was) + ")";
            case BODY -> "the body is now " + Observation.describeKind(now.asText()) + " (was "
                    + Observation.describeKind(was.asText()) + ")";
        };
    }

    /** The difference for the JSON report: the change, the path within the JSON body (RFC 9535), the values. */
    Map<String, Object> toReport(ProbeContext context) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("change", change.name().toLowerCase(java.util.Locale.ROOT));
        String inBody = Paths.inBody(steps);
        if (inBody != null) {
            report.put("path", inBody);
        }
        report.put("label", change == Change.BODY ? "the body" : Paths.label(steps));
        if (was != null && change != Change.BODY) {
            report.put("was", shown(context, was));
        }
        if (now != null && change != Change.BODY) {
            report.put("now", Texts.show(context, now));
        }
        return report;
    }

    private String shown(ProbeContext context, JsonNode value) {
        return wasNoise ? article(type(value)) : Texts.show(context, value);
    }

    private static String typed(ProbeContext context, JsonNode value, boolean typeOnly) {
        String type = type(value);
        if (value.isNull()) {
            return "null";
        }
        return typeOnly ? article(type) : article(type) + " " + Texts.show(context, value);
    }

    static String type(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT, POJO -> "object";
            case ARRAY -> "array";
            case STRING, BINARY -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            default -> "null";
        };
    }

    private static String article(String type) {
        return type.equals("null") ? "null" : (type.equals("object") || type.equals("array") ? "an " : "a ") + type;
    }
}
