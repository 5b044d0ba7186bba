package org.postpatch.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A module's README and its copy in {@code docs/}: {@code probes/NAME/README.md} is copied to
 * {@code docs/kinds/NAME.md}, {@code framework/NAME/README.md} to {@code docs/NAME.md}. The module's
 * README is where its kinds are documented, once; the copy is that text with a line saying so and
 * its relative links made to lead from {@code docs/} to the same places.
 *
 * @param source the module's README
 * @param target its copy in {@code docs/}
 */
record ModuleReference(Path source, Path target) {

    /** How every copied (or otherwise generated) Markdown file in {@code docs/} begins. */
    static final String GENERATED = "<!-- Generated ";

    /** The modules' READMEs under {@code root}, probe modules first, each with where its copy goes. */
    static List<ModuleReference> in(Path root) throws IOException {
        List<ModuleReference> modules = new ArrayList<>();
        for (Path module : modulesUnder(root.resolve("probes"))) {
            modules.add(new ModuleReference(module.resolve("README.md"),
                    root.resolve("docs/kinds").resolve(module.getFileName() + ".md")));
        }
        for (Path module : modulesUnder(root.resolve("framework"))) {
            modules.add(new ModuleReference(module.resolve("README.md"), root.resolve("docs").resolve(module.getFileName() + ".md")));
        }
        return modules;
    }

    private static List<Path> modulesUnder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> modules = Files.list(folder)) {
            return modules.filter(module -> Files.isRegularFile(module.resolve("README.md"))).sorted().toList();
        }
    }

    /** Whether a Markdown text was written by the generator (and may be rewritten or removed by it). */
    static boolean isGenerated(String markdown) {
        return markdown.startsWith(GENERATED);
    }

    /**
     * The copy of the README's text (key tables already generated): the text, its links rewritten,
     * after a first line naming its source. A link to another module's README leads to that
     * module's copy ({@code copies}: README to copy).
     */
    String assemble(Path root, String readme, Map<Path, Path> copies) {
        String header = GENERATED + "from " + slashes(root.relativize(source)) + " by framework/docs: edit that file, then run "
                + DocsGenerator.REGENERATE + " -->\n";
        return header + MarkdownLinks.rewriteRelative(readme, link -> moved(link, copies));
    }

    /** A link of the README as it reads from the copy's folder. */
    private String moved(String link, Map<Path, Path> copies) {
        int hash = link.indexOf('#');
        String path = hash < 0 ? link : link.substring(0, hash);
        String anchor = hash < 0 ? "" : link.substring(hash);
        if (path.isEmpty()) {
            return link;
        }
        Path resolved = source.getParent().resolve(path).normalize();
        Path destination = copies.getOrDefault(resolved, resolved);
        String relative = slashes(target.getParent().relativize(destination));
        String moved = relative.isEmpty() ? "." : relative;
        return moved + (path.endsWith("/") && !moved.endsWith("/") ? "/" : "") + anchor;
    }

    static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }
}
