package org.postpatch.probes.http.expect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSONPath subset postpatch understands, over Jackson trees: {@code $}, {@code $.a.b},
 * {@code $.a[0]}, {@code $.a[-1]} (the last item), {@code $['key with space']}, and the wildcards
 * {@code $.a[*].b} and {@code $.a.*}. A path with a wildcard selects a list of every match.
 * Parsed once when the probe is bound; reading is a walk down the tree.
 */
public final class JsonPath {

    private sealed interface Step permits Field, Index, Wildcard {
    }

    private record Field(String name) implements Step {
    }

    private record Index(int index) implements Step {
    }

    private record Wildcard() implements Step {
    }

    private final String text;
    private final List<Step> steps;
    private final boolean definite;

    private JsonPath(String text, List<Step> steps) {
        this.text = text;
        this.steps = List.copyOf(steps);
        this.definite = steps.stream().noneMatch(step -> step instanceof Wildcard);
    }

    /**
     * Parses a path.
     *
     * @throws IllegalArgumentException saying where and why the text is not a path
     */
    public static JsonPath parse(String text) {
        if (!text.startsWith("$")) {
            throw new IllegalArgumentException("'" + text + "' is not a JSONPath: it must start with $ (like $.status)");
        }
        List<Step> steps = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                String name = text.substring(i + 1, end);
                if (name.isEmpty()) {
                    throw bad(text, i, "a name is missing after '.'");
                }
                steps.add(name.equals("*") ? new Wildcard() : new Field(name));
                i = end;
            } else if (c == '[') {
                i = bracket(text, i, steps);
            } else {
                throw bad(text, i, "expected '.' or '[' but found '" + c + "'");
            }
        }
        return new JsonPath(text, steps);
    }

    private static int bracket(String text, int open, List<Step> steps) {
        int i = open + 1;
        if (i < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '"')) {
            char quote = text.charAt(i);
            StringBuilder name = new StringBuilder();
            i++;
            while (i < text.length() && text.charAt(i) != quote) {
                if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                    i++;
                }
                name.append(text.charAt(i));
                i++;
            }
            if (i + 1 >= text.length() || text.charAt(i + 1) != ']') {
                throw bad(text, open, "unclosed [" + quote + "...");
            }
            steps.add(new Field(name.toString()));
            return i + 2;
        }
        int close = text.indexOf(']', i);
        if (close < 0) {
            throw bad(text, open, "unclosed '['");
        }
        String inside = text.substring(i, close).trim();
        if (inside.equals("*")) {
            steps.add(new Wildcard());
        } else {
            try {
                steps.add(new Index(Integer.parseInt(inside)));
            } catch (NumberFormatException notIndex) {
                throw bad(text, open, "expected [number], [*] or ['name'] but found [" + inside + "]");
            }
        }
        return close + 1;
    }

    private static IllegalArgumentException bad(String text, int at, String why) {
        return new IllegalArgumentException("'" + text + "' is not a JSONPath: " + why + " at position " + (at + 1));
    }

    /** True when the path selects at most one value (it has no wildcard). */
    public boolean isDefinite() {
        return definite;
    }

    /**
     * The value at this path: a {@link MissingNode} when nothing is there; for a path with a
     * wildcard, an array of every match (missing when nothing matched).
     */
    public JsonNode read(JsonNode root) {
        List<JsonNode> current = List.of(root);
        for (Step step : steps) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                select(step, node, next);
            }
            current = next;
        }
        if (current.isEmpty()) {
            return MissingNode.getInstance();
        }
        if (definite) {
            return current.get(0);
        }
        ArrayNode all = JsonNodeFactory.instance.arrayNode(current.size());
        current.forEach(all::add);
        return all;
    }

    private static void select(Step step, JsonNode node, List<JsonNode> into) {
        if (step instanceof Field field) {
            JsonNode value = node.isObject() ? node.get(field.name()) : null;
            if (value != null) {
                into.add(value);
            }
        } else if (step instanceof Index index) {
            if (node.isArray()) {
                int position = index.index() < 0 ? node.size() + index.index() : index.index();
                if (position >= 0 && position < node.size()) {
                    into.add(node.get(position));
                }
            }
        } else if (node.isArray() || node.isObject()) {
            node.elements().forEachRemaining(into::add);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
