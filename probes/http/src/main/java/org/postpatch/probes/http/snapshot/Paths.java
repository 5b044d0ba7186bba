package org.postpatch.probes.http.snapshot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.postpatch.probes.http.expect.jsonpath.Node;

/**
 * Paths in an {@link Observation}: RFC 9535 normalized paths ({@code $['json']['items'][0]['sku']}),
 * where an index may be {@code *} for "every element" in learned noise, and how an operator reads
 * them: {@code $.items[0].sku}, {@code status}, {@code Content-Type header}, {@code line 3}.
 */
final class Paths {

    /** The step that stands for every index of an array. */
    static final Object EVERY = new Object() {
        @Override
        public String toString() {
            return "*";
        }
    };

    /** Names written after a dot. */
    private static final Pattern SHORTHAND = Pattern.compile("[A-Za-z_\\u0080-\\uFFFF][A-Za-z0-9_\\u0080-\\uFFFF]*");

    private Paths() {
    }

    /** The steps from the root to a node: member names (String) and indexes (Integer). */
    static List<Object> steps(Node node) {
        Deque<Object> steps = new ArrayDeque<>();
        for (Node at = node; at.parent() != null; at = at.parent()) {
            steps.push(at.name() != null ? at.name() : (Object) at.index());
        }
        return new ArrayList<>(steps);
    }

    /** The same steps with every index replaced by {@link #EVERY}. */
    static List<Object> everyIndex(List<Object> steps) {
        return steps.stream().map(step -> step instanceof Integer ? EVERY : step).toList();
    }

    /** The normalized path of the steps. */
    static String normalized(List<Object> steps) {
        StringBuilder path = new StringBuilder("$");
        for (Object step : steps) {
            if (step instanceof String name) {
                path.append(segment(name));
            } else {
                path.append('[').append(step).append(']');
            }
        }
        return path.toString();
    }

    /** {@code ['name']}, escaped as RFC 9535 says (by {@link Node} when the name needs escaping at all). */
    private static String segment(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == '\'' || c == '\\') {
                return new Node(null, Node.root(null), name, -1).normalizedPath().substring(1);
            }
        }
        return "['" + name + "']";
    }

    /** The normalized path of member {@code name} under the node at {@code path}. */
    static String member(String path, String name) {
        return path + segment(name);
    }

    /** The normalized path of element {@code index} under the node at {@code path}. */
    static String element(String path, int index) {
        return path + "[" + index + "]";
    }

    /** Reads a path written by {@link #normalized}. */
    static List<Object> parse(String path) {
        List<Object> steps = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            if (path.startsWith("['", i)) {
                StringBuilder name = new StringBuilder();
                i += 2;
                while (path.charAt(i) != '\'') {
                    char c = path.charAt(i++);
                    if (c == '\\') {
                        char escaped = path.charAt(i++);
                        switch (escaped) {
                            case 'b' -> name.append('\b');
                            case 'f' -> name.append('\f');
                            case 'n' -> name.append('\n');
                            case 'r' -> name.append('\r');
                            case 't' -> name.append('\t');
                            case 'u' -> {
                                name.append((char) Integer.parseInt(path.substring(i, i + 4), 16));
                                i += 4;
                            }
                            default -> name.append(escaped);
                        }
                    } else {
                        name.append(c);
                    }
                }
                steps.add(name.toString());
                i += 2;
            } else {
                int end = path.indexOf(']', i);
                String index = path.substring(i + 1, end);
                steps.add(index.equals("*") ? EVERY : (Object) Integer.parseInt(index));
                i = end + 1;
            }
        }
        return steps;
    }

    /** The path within the JSON body as a normalized path ({@code $['items'][0]}), or null when not in it. */
    static String inBody(List<Object> steps) {
        return !steps.isEmpty() && "json".equals(steps.get(0)) ? normalized(steps.subList(1, steps.size())) : null;
    }

    /** The path as an operator reads it. */
    static String label(List<Object> steps) {
        if (steps.isEmpty()) {
            return "the response";
        }
        List<Object> rest = steps.subList(1, steps.size());
        return switch (String.valueOf(steps.get(0))) {
            case "status" -> "status";
            case "headers" -> rest.isEmpty() ? "headers" : rest.get(0) + " header";
            case "json" -> shown(rest);
            case "text" -> rest.isEmpty() ? "the text" : line("line", rest.get(0));
            case "page" -> rest.isEmpty() ? "the page text" : line("page text line", rest.get(0));
            case "binary" -> rest.isEmpty() ? "the body" : "the body's " + ("bytes".equals(rest.get(0)) ? "size" : "content");
            default -> normalized(steps);
        };
    }

    private static String line(String what, Object index) {
        return index == EVERY ? "every " + what : what + " " + ((Integer) index + 1);
    }

    /** JSONPath shorthand where names allow it: {@code $.items[0].sku}, {@code $['first name']}. */
    private static String shown(List<Object> steps) {
        StringBuilder path = new StringBuilder("$");
        for (Object step : steps) {
            if (step instanceof String name && SHORTHAND.matcher(name).matches()) {
                path.append('.').append(name);
            } else if (step instanceof String name) {
                path.append(normalized(List.of(name)).substring(1));
            } else {
                path.append('[').append(step).append(']');
            }
        }
        return path.toString();
    }
}
