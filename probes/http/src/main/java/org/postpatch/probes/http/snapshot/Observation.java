package org.postpatch.probes.http.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.postpatch.api.ProbeContext;
import org.postpatch.probes.http.expect.Json;
import org.postpatch.probes.http.expect.ReceivedResponse;
import org.postpatch.secret.Redactor;

/**
 * What one response was, as a snapshot keeps it: a JSON tree of its {@code status}, the chosen
 * {@code headers}, and its body — {@code json} (the document), {@code page} (an HTML page's visible
 * text, line by line), {@code text} (other text, line by line) or {@code binary} (size and SHA-256);
 * no body key for an empty body. Secrets are masked value by value: every text the redactor knows,
 * and the text values of members whose name says they hold a credential.
 */
final class Observation {

    /** Nesting deeper than this is not recorded (the walks over the tree recurse). */
    static final int MAX_DEPTH = 100;

    static final String TOO_DEEP = "(not recorded: nested deeper than " + MAX_DEPTH + " levels)";

    /** Member names that say their value is a credential. */
    private static final Pattern CREDENTIAL = Pattern.compile(
            "(?i)password|passwd|pwd|secret|token|api[-_]?key|authorization|cookie|credential|private[-_]?key");

    private static final JsonNodeFactory NODES = Json.nodes();

    private Observation() {
    }

    /** The response as a snapshot records it, with {@code headers} (names as written) when present. */
    static ObjectNode of(ReceivedResponse response, ProbeContext context, List<String> headers) {
        ObjectNode observed = NODES.objectNode();
        observed.put("status", response.status());
        ObjectNode recorded = observed.putObject("headers");
        for (String name : headers) {
            List<String> values = response.headers().allValues(name);
            if (!values.isEmpty()) {
                String value = String.join(", ", values);
                recorded.put(name, name.equalsIgnoreCase(SnapshotSpec.CONTENT_TYPE) ? mediaType(value) : value);
            }
        }
        body(response, observed);
        return (ObjectNode) redacted(observed, null, holdsSecrets(observed, context) ? context::redact : text -> text, 0);
    }

    private static void body(ReceivedResponse response, ObjectNode observed) {
        byte[] body = response.body();
        if (body.length == 0) {
            return;
        }
        Optional<JsonNode> json = json(response);
        if (json.isPresent()) {
            observed.set("json", json.get());
        } else if (response.isHtml()) {
            observed.set("page", lines(response.visibleLines()));
        } else if (response.isText()) {
            observed.set("text", lines(List.of(response.text().split("\r\n|\n|\r"))));
        } else {
            observed.putObject("binary").put("bytes", body.length).put("sha256", sha256(body));
        }
    }

    /**
     * Whether any name or text in the tree holds a secret or a secret-shaped value. One pass of the
     * redactor over all of them joined by line breaks, instead of one per text: its matches are
     * substrings, and a line break where a text starts or ends bounds a match just as the text's own
     * start and end do. A match across two texts only sends every text through the redactor.
     */
    private static boolean holdsSecrets(JsonNode tree, ProbeContext context) {
        StringBuilder texts = new StringBuilder();
        collect(tree, texts, 0);
        String joined = texts.toString();
        return !context.redact(joined).equals(joined);
    }

    private static void collect(JsonNode node, StringBuilder texts, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                texts.append(field.getKey()).append('\n');
                collect(field.getValue(), texts, depth + 1);
            }
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, texts, depth + 1));
        } else if (node.isTextual()) {
            texts.append(node.textValue()).append('\n');
        }
    }

    /** The body as JSON when it is declared JSON, or plain text (or undeclared) that reads as JSON. */
    private static Optional<JsonNode> json(ReceivedResponse response) {
        String type = response.mediaType();
        boolean declared = type.contains("json");
        if (!declared && !((type.isEmpty() || type.equals("text/plain")) && startsLikeJson(response.body()))) {
            return Optional.empty();
        }
        try {
            return Optional.of(response.json());
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static boolean startsLikeJson(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    /**
     * A copy with texts and names redacted, nesting cut at {@link #MAX_DEPTH}; {@code name} is the
     * member the node is the value of.
     */
    private static JsonNode redacted(JsonNode node, String name, UnaryOperator<String> redact, int depth) {
        if (depth > MAX_DEPTH) {
            return NODES.textNode(TOO_DEEP);
        }
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(redact.apply(field.getKey()), redacted(field.getValue(), field.getKey(), redact, depth + 1));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode(node.size());
            node.forEach(item -> copy.add(redacted(item, name, redact, depth + 1)));
            return copy;
        }
        if (node.isTextual()) {
            boolean credential = name != null && CREDENTIAL.matcher(name).find();
            return NODES.textNode(credential ? Redactor.MASK : redact.apply(node.textValue()));
        }
        return node;
    }

    private static ArrayNode lines(List<String> lines) {
        ArrayNode array = NODES.arrayNode(lines.size());
        int last = lines.size();
        while (last > 0 && lines.get(last - 1).isEmpty()) {
            last--;
        }
        lines.subList(0, last).forEach(array::add);
        return array;
    }

    /** A Content-Type as compared: lower case, no blank space around its parameters. */
    private static String mediaType(String value) {
        return value.toLowerCase(Locale.ROOT).replaceAll("\\s*([;=,])\\s*", "$1").strip();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", impossible);
        }
    }

    /** The kind of body an observation holds: json, page, text, binary, or empty. */
    static String bodyKind(JsonNode observation) {
        for (String kind : List.of("json", "page", "text", "binary")) {
            if (observation.has(kind)) {
                return kind;
            }
        }
        return "empty";
    }

    static String describeKind(String kind) {
        return switch (kind) {
            case "json" -> "JSON";
            case "page" -> "an HTML page";
            case "text" -> "text";
            case "binary" -> "binary";
            default -> "empty";
        };
    }
}
