package org.postpatch.cli.init;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes JSON trees as the YAML a person would write: block style, with small maps and lists on one
 * line ({@code { type: string, format: uuid }}), and a scalar quoted only when YAML would otherwise
 * read it as something else (a number, a boolean in YAML 1.1, a comment, a flow collection).
 */
final class Yaml {

    /** A map or list written on one line when its flow form is at most this long. */
    private static final int FLOW_WIDTH = 72;
    private static final Set<String> YAML11_WORDS = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null", "~");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_$/][^\\x00-\\x1f\"'#`]*");

    private Yaml() {
    }

    /** Appends {@code node} as the value of {@code key} at {@code indent} spaces, ending with a newline. */
    static void entry(StringBuilder out, int indent, String key, JsonNode node) {
        out.append(" ".repeat(indent)).append(key(key)).append(':');
        if (node.isContainerNode() && !node.isEmpty()) {
            String flow = flow(node);
            if (flow.length() <= FLOW_WIDTH && depth(node) <= 2) {
                out.append(' ').append(flow).append('\n');
            } else {
                out.append('\n');
                block(out, indent + 2, node);
            }
        } else {
            out.append(' ').append(node.isTextual() ? scalar(node.textValue()) : flow(node)).append('\n');
        }
    }

    /** Appends a non-empty map or list in block style at {@code indent} spaces. */
    static void block(StringBuilder out, int indent, JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                entry(out, indent, field.getKey(), field.getValue());
            }
            return;
        }
        for (JsonNode item : node) {
            String flow = flow(item);
            if (!item.isContainerNode() || item.isEmpty() || (flow.length() <= FLOW_WIDTH && depth(item) <= 2)) {
                out.append(" ".repeat(indent)).append("- ").append(flow).append('\n');
            } else {
                StringBuilder nested = new StringBuilder();
                block(nested, indent + 2, item);
                out.append(" ".repeat(indent)).append("- ").append(nested.substring(indent + 2));
            }
        }
    }

    /** The node on one line: {@code { a: 1, b: [x, y] }}. */
    static String flow(JsonNode node) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                return "{}";
            }
            StringBuilder out = new StringBuilder("{ ");
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.append(flowScalar(field.getKey())).append(": ").append(flow(field.getValue()));
                out.append(fields.hasNext() ? ", " : " }");
            }
            return out.toString();
        }
        if (node.isArray()) {
            StringBuilder out = new StringBuilder("[");
            for (Iterator<JsonNode> items = node.elements(); items.hasNext(); ) {
                out.append(flow(items.next())).append(items.hasNext() ? ", " : "");
            }
            return out.append(']').toString();
        }
        if (node.isTextual()) {
            return flowScalar(node.textValue());
        }
        return node.isMissingNode() ? "null" : node.asText();
    }

    /** A key of a block map. */
    static String key(String text) {
        return flowScalar(text);
    }

    /** A string in block context, where {@code {}} and {@code ,} may appear inside a plain scalar. */
    static String scalar(String text) {
        return plain(text, false) ? text : quoted(text);
    }

    /** A string inside a flow collection. */
    private static String flowScalar(String text) {
        return plain(text, true) ? text : quoted(text);
    }

    private static boolean plain(String text, boolean inFlow) {
        if (!PLAIN.matcher(text).matches() || YAML11_WORDS.contains(text.toLowerCase(Locale.ROOT))
                || text.endsWith(" ") || text.endsWith(":") || text.contains(": ")) {
            return false;
        }
        return !inFlow || text.chars().noneMatch(c -> c == ',' || c == '[' || c == ']' || c == '{' || c == '}');
    }

    /** A double-quoted YAML scalar (JSON's escapes, which YAML shares). */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A comment line's text: one line, whatever the source said. */
    static String commentText(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    private static int depth(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, child.isContainerNode() ? depth(child) : 0);
        }
        return deepest + 1;
    }
}
