package org.postpatch.probes.http.expect.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * One node a query selected: its value and where it is in the document, from which its normalized
 * path ({@code $['items'][0]['qty']}) is built only when a message needs it.
 *
 * @param value  the JSON value
 * @param parent the node it is a member or element of, or null for the document (or a filter's {@code @})
 * @param name   the member name under its parent, or null for an array element
 * @param index  the element index under its parent, or -1 for a member
 */
public record Node(JsonNode value, Node parent, String name, int index) {

    /** The document itself: {@code $}. */
    public static Node root(JsonNode value) {
        return new Node(value, null, null, -1);
    }

    Node member(String member, JsonNode child) {
        return new Node(child, this, member, -1);
    }

    Node element(int position, JsonNode child) {
        return new Node(child, this, null, position);
    }

    /** The elements of an array or the member values of an object, in order; none for anything else. */
    List<Node> children() {
        List<Node> children = new ArrayList<>(value.size());
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                children.add(element(i, value.get(i)));
            }
        } else if (value.isObject()) {
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                children.add(member(field.getKey(), field.getValue()));
            }
        }
        return children;
    }

    /** The normalized path of RFC 9535 (section 2.7), such as {@code $['a'][0]}. */
    public String normalizedPath() {
        StringBuilder path = new StringBuilder("$");
        for (Node step : steps()) {
            if (step.name != null) {
                path.append("['");
                escape(step.name, path);
                path.append("']");
            } else {
                path.append('[').append(step.index).append(']');
            }
        }
        return path.toString();
    }

    /** The path as an operator writes it: {@code $.items[0].qty}, brackets only for names that need them. */
    public String shownPath() {
        StringBuilder path = new StringBuilder("$");
        for (Node step : steps()) {
            if (step.name == null) {
                path.append('[').append(step.index).append(']');
            } else if (Names.isShorthand(step.name)) {
                path.append('.').append(step.name);
            } else {
                path.append("['");
                escape(step.name, path);
                path.append("']");
            }
        }
        return path.toString();
    }

    private Deque<Node> steps() {
        Deque<Node> steps = new ArrayDeque<>();
        for (Node node = this; node.parent != null; node = node.parent) {
            steps.push(node);
        }
        return steps;
    }

    private static void escape(String name, StringBuilder into) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '\b' -> into.append("\\b");
                case '\f' -> into.append("\\f");
                case '\n' -> into.append("\\n");
                case '\r' -> into.append("\\r");
                case '\t' -> into.append("\\t");
                case '\'' -> into.append("\\'");
                case '\\' -> into.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        into.append(String.format("\\u%04x", (int) c));
                    } else {
                        into.append(c);
                    }
                }
            }
        }
    }
}
