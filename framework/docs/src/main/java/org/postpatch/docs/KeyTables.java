package org.postpatch.docs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postpatch.config.ProbeFileFormat;
import org.postpatch.spi.Key;
import org.postpatch.spi.ProbeKinds;
import org.postpatch.spi.Shape;

/**
 * Rewrites the key tables of a Markdown document from the declarations. A table stands between
 * {@code <!-- keys:PATH -->} and {@code <!-- /keys -->}, where PATH is {@code probe-file} (the keys
 * of a file), {@code probe} (the keys every probe has), {@code defaults}, or a kind's name followed
 * by the keys down to a nested block ({@code command.expect.stdout}). A nested block is listed in
 * its parent's table with dotted names ({@code expect.exit}), unless the document gives it a table
 * of its own.
 */
public final class KeyTables {

    /** A marker on a line of its own (text that mentions one, in backquotes, is not). */
    private static final Pattern MARKER = Pattern.compile("^<!-- keys:([A-Za-z0-9_.-]+) -->\\n(.*?)^<!-- /keys -->\\n",
            Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern OPENING = Pattern.compile("^<!-- keys:[^\\n]*-->$", Pattern.MULTILINE);

    private final Map<String, Shape> roots = new LinkedHashMap<>();

    private KeyTables(ProbeKinds kinds) {
        roots.put("probe-file", ProbeFileFormat.FILE);
        roots.put("probe", ProbeFileFormat.PROBE);
        roots.put("defaults", ProbeFileFormat.DEFAULTS);
        for (String name : kinds.names()) {
            kinds.get(name).orElseThrow().declaration().ifPresent(shape -> roots.put(name, shape));
        }
    }

    /** Tables of these kinds' declarations and of the probe file's own keys. */
    public static KeyTables of(ProbeKinds kinds) {
        return new KeyTables(kinds);
    }

    /**
     * The document with every table between markers generated again; {@code name} names it in
     * errors (an unknown path, a marker without its end).
     */
    public String rewrite(String markdown, String name) {
        long openings = OPENING.matcher(markdown).results().count();
        Matcher marker = MARKER.matcher(markdown);
        List<String> paths = new ArrayList<>();
        while (marker.find()) {
            paths.add(marker.group(1));
        }
        if (paths.size() != openings) {
            throw new IllegalArgumentException(name + ": a <!-- keys:... --> marker has no <!-- /keys --> line after it");
        }
        Set<Shape> ownTables = Collections.newSetFromMap(new IdentityHashMap<>());
        paths.forEach(path -> ownTables.add(resolve(path, name)));
        StringBuilder out = new StringBuilder();
        marker.reset();
        while (marker.find()) {
            String table = table(resolve(marker.group(1), name), ownTables);
            marker.appendReplacement(out, Matcher.quoteReplacement("<!-- keys:" + marker.group(1) + " -->\n" + table
                    + "<!-- /keys -->\n"));
        }
        marker.appendTail(out);
        return out.toString();
    }

    /** The block at {@code path}, such as {@code http.tls}. */
    Shape resolve(String path, String document) {
        String[] names = path.split("\\.");
        Shape shape = roots.get(names[0]);
        if (shape == null) {
            throw new IllegalArgumentException(document + ": <!-- keys:" + path + " --> names no declared block; known: "
                    + String.join(", ", roots.keySet()));
        }
        for (int i = 1; i < names.length; i++) {
            Optional<Key> key = shape.key(names[i]);
            if (key.isEmpty()) {
                throw new IllegalArgumentException(document + ": <!-- keys:" + path + " -->: '" + names[i]
                        + "' is not a declared key");
            }
            shape = key.get().shape();
        }
        return shape;
    }

    private static String table(Shape block, Set<Shape> ownTables) {
        List<String[]> rows = new ArrayList<>();
        rows(block, "", ownTables, rows);
        StringBuilder table = new StringBuilder("| Key | Type | Default | Meaning |\n|---|---|---|---|\n");
        for (int i = 0; i < rows.size(); i++) {
            List<String> names = new ArrayList<>(List.of(rows.get(i)[0]));
            while (i + 1 < rows.size() && sameButName(rows.get(i), rows.get(i + 1))) {
                names.add(rows.get(++i)[0]);
            }
            String[] row = rows.get(i);
            table.append("| ").append(String.join(", ", names.stream().map(key -> "`" + key + "`").toList()))
                    .append(" | ").append(cell(row[1])).append(" | ").append(cell(row[2])).append(" | ")
                    .append(cell(row[3])).append(" |\n");
        }
        return table.toString();
    }

    private static void rows(Shape block, String prefix, Set<Shape> ownTables, List<String[]> rows) {
        for (Key key : keysOf(block)) {
            String name = prefix + key.name();
            rows.add(new String[] {name, ShapeNames.describe(key.shape()),
                key.required() ? "*required*" : key.defaultValue().orElse("–"), key.meaning()});
            Shape value = key.shape();
            if (value.type() == Shape.Type.BLOCK && value.documentedName().isEmpty() && !ownTables.contains(value)) {
                rows(value, name + ".", ownTables, rows);
            }
        }
    }

    /** The keys of a block, or of the block a shape may be (a command is a list or a block). */
    private static List<Key> keysOf(Shape shape) {
        if (shape.type() == Shape.Type.EITHER) {
            return shape.alternatives().stream().filter(alternative -> alternative.type() == Shape.Type.BLOCK)
                    .findFirst().map(Shape::keys).orElse(List.of());
        }
        return shape.keys();
    }

    private static boolean sameButName(String[] one, String[] other) {
        return one[1].equals(other[1]) && one[2].equals(other[2]) && one[3].equals(other[3]);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
