package org.postpatch.cli.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small text helpers of init: literal text in probe files, lists in progress lines. */
final class Text {

    private Text() {
    }

    /**
     * Text from the application (a path, a pattern in a schema) as a literal in a probe file, where
     * {@code ${} would start a variable: {@code $${} writes it.
     */
    static String literal(String text) {
        return text.replace("${", "$${");
    }

    /** A copy of a JSON tree whose every string value is {@link #literal}. */
    static JsonNode literal(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(literal(node.textValue()));
        }
        if (!node.isContainerNode()) {
            return node;
        }
        JsonNode copy = node.deepCopy();
        if (copy.isObject()) {
            ObjectNode object = (ObjectNode) copy;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                object.set(name, literal(object.get(name)));
            }
        } else {
            for (int i = 0; i < copy.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) copy).set(i, literal(copy.get(i)));
            }
        }
        return copy;
    }

    /** The texts of a JSON list, comma-separated. */
    static String join(JsonNode list) {
        List<String> texts = new ArrayList<>();
        list.forEach(item -> texts.add(item.asText()));
        return String.join(", ", texts);
    }

    /** Paths for a note: the first eight, then how many more. */
    static String listed(List<String> paths) {
        int shown = Math.min(paths.size(), 8);
        return String.join(", ", paths.subList(0, shown)) + (paths.size() > shown ? " and " + (paths.size() - shown) + " more" : "");
    }

    /** True when a JSON list holds this text. */
    static boolean contains(JsonNode list, String text) {
        for (JsonNode item : list) {
            if (text.equals(item.asText())) {
                return true;
            }
        }
        return false;
    }

    /** The names of a JSON object's fields. */
    static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            names.add(field.getKey());
        }
        return names;
    }
}
