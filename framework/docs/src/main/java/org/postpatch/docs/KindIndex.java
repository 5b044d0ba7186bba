package org.postpatch.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postpatch.spi.ProbeKinds;

/**
 * {@code docs/kinds/README.md}: every probe kind, with the page that documents it and the file to
 * edit. A kind is documented where its key table is ({@code <!-- keys:KIND -->}), and in exactly
 * one place: a kind documented nowhere, or twice, is refused with the places named.
 */
final class KindIndex {

    /** Where the index is written, from the repository's root. */
    static final String FILE = "docs/kinds/README.md";

    private final Path root;
    private final Path index;
    private final Map<Path, String> documents;
    private final Map<Path, Path> copies;

    /**
     * @param documents every hand-written document with its text (key tables generated)
     * @param copies    each module README with the copy of it in {@code docs/}
     */
    KindIndex(Path root, Map<Path, String> documents, Map<Path, Path> copies) {
        this.root = root;
        this.index = root.resolve(FILE);
        this.documents = documents;
        this.copies = copies;
    }

    /** A kind's documentation: the document, and the line (from 0) of its key table. */
    private record Place(Path document, int line) {
    }

    /** The index of these kinds. */
    String render(ProbeKinds kinds) {
        StringBuilder out = new StringBuilder(ModuleReference.GENERATED).append("from the probe kinds and the documents that hold their"
                + " key tables, by framework/docs: run ").append(DocsGenerator.REGENERATE).append(" -->\n");
        out.append("""
                # Probe kinds

                A probe has exactly one kind: the key that says what it checks (`tcp`, `http`, ...). What every
                probe has besides, whatever its kind, is in [Probe files](../probe-files.md). Each kind is
                documented once, in the README of the module that provides it; the pages here are copies of those
                READMEs, kept in step by the docs generator (a test fails when they differ). To change a page,
                edit the file named in the last column.

                | Kind | Reference | Written in |
                |---|---|---|
                """);
        List<Path> documenting = new ArrayList<>();
        for (String kind : kinds.names()) {
            Place place = placeOf(kind);
            documenting.add(place.document());
            out.append("| `").append(kind).append("` | ").append(link(place, kinds)).append(" | `")
                    .append(ModuleReference.slashes(root.relativize(place.document()))).append("` |\n");
        }
        List<String> others = copies.entrySet().stream().filter(copy -> copy.getValue().getParent().equals(index.getParent()))
                .filter(copy -> !documenting.contains(copy.getKey()))
                .map(copy -> "- [" + title(documents.get(copy.getKey())) + "](" + copy.getValue().getFileName() + "), from `"
                        + ModuleReference.slashes(root.relativize(copy.getKey())) + "`\n")
                .toList();
        if (!others.isEmpty()) {
            out.append("\nThe other probe modules, which add no kind of their own:\n\n");
            others.forEach(out::append);
        }
        return out.toString();
    }

    private Place placeOf(String kind) {
        String marker = "<!-- keys:" + kind + " -->";
        List<Place> places = new ArrayList<>();
        documents.forEach((document, text) -> {
            List<String> lines = text.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).equals(marker)) {
                    places.add(new Place(document, i));
                }
            }
        });
        if (places.size() != 1) {
            List<String> where = places.stream().map(place -> ModuleReference.slashes(root.relativize(place.document()))
                    + ":" + (place.line() + 1)).toList();
            throw new IllegalStateException(places.isEmpty()
                    ? "the probe kind '" + kind + "' is documented nowhere: no " + marker + " table in a module's README"
                            + " or a docs/ file; document it in the README of the module that provides it"
                    : "the probe kind '" + kind + "' is documented in more than one place: " + String.join(", ", where)
                            + "; document each kind once, in the README of the module that provides it");
        }
        return places.get(0);
    }

    /** A link from the index to the kind's documentation: the copy of a module README, or a docs/ page. */
    private String link(Place place, ProbeKinds kinds) {
        String text = documents.get(place.document());
        Path page = copies.getOrDefault(place.document(), place.document());
        String anchor = copies.containsKey(place.document()) && kindsIn(text, kinds) == 1 ? ""
                : headingAbove(text, place.line()).map(heading -> "#" + heading).orElse("");
        return "[" + title(text) + "](" + ModuleReference.slashes(index.getParent().relativize(page)) + anchor + ")";
    }

    private static long kindsIn(String text, ProbeKinds kinds) {
        return kinds.names().stream().filter(kind -> text.lines().anyMatch(line -> line.equals("<!-- keys:" + kind + " -->")))
                .count();
    }

    private static Optional<String> headingAbove(String text, int line) {
        return Anchors.headings(text).stream().filter(heading -> heading.line() < line && heading.level() > 1)
                .reduce((first, second) -> second).map(Anchors.Heading::anchor);
    }

    private static String title(String text) {
        return text.lines().filter(line -> line.startsWith("# ")).findFirst().map(line -> line.substring(2).strip())
                .orElse("untitled");
    }
}
