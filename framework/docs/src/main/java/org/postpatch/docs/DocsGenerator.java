package org.postpatch.docs;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.postpatch.spi.ProbeKinds;

/**
 * Writes what the declarations and the modules' READMEs determine: {@code docs/probe-file.schema.json};
 * the key tables in the README, the modules' READMEs and {@code docs/}; and the reference of the
 * probe kinds in {@code docs/kinds/}, copied from the READMEs of the modules that document them
 * (see {@link ModuleReference}), with its index. Run from the repository's root:
 * <pre>
 * mvn -B -pl framework/docs -am process-classes -Pgenerate-docs
 * </pre>
 * With {@code --check} it writes nothing and exits 1 naming the files that differ.
 */
public final class DocsGenerator {

    /** The command that writes the generated files again. */
    public static final String REGENERATE = "mvn -B -pl framework/docs -am process-classes -Pgenerate-docs";

    private final Path root;
    private final ProbeKinds kinds;

    /** A generator for the repository at {@code root}, with the kinds visible to this class's loader. */
    public DocsGenerator(Path root) {
        this(root, ProbeKinds.load(DocsGenerator.class.getClassLoader()));
    }

    /** A generator for the repository at {@code root} that documents these kinds. */
    public DocsGenerator(Path root, ProbeKinds kinds) {
        this.root = root.toAbsolutePath().normalize();
        this.kinds = kinds;
    }

    public static void main(String[] args) throws IOException {
        boolean check = List.of(args).contains("--check");
        Path root = Path.of(List.of(args).stream().filter(arg -> !arg.startsWith("--")).findFirst().orElse("."));
        int exitCode = new DocsGenerator(root).run(check, System.out, System.err);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /**
     * Writes the stale files and removes the obsolete ones, or, when {@code check}, only names them;
     * the exit code: 1 when checking found some.
     */
    int run(boolean check, PrintStream out, PrintStream err) throws IOException {
        List<Path> stale = stale();
        if (check) {
            stale.forEach(file -> err.println(root.relativize(file) + " is out of date; regenerate it with " + REGENERATE));
            return stale.isEmpty() ? 0 : 1;
        }
        Map<Path, String> generated = generated();
        for (Path file : stale) {
            if (generated.containsKey(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, generated.get(file), StandardCharsets.UTF_8);
                out.println("wrote " + root.relativize(file));
            } else {
                Files.delete(file);
                out.println("removed " + root.relativize(file) + " (its module has no README any more)");
            }
        }
        return 0;
    }

    /** Every generated file with the content it should have. */
    public Map<Path, String> generated() throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(root.resolve(ProbeFileSchema.FILE), ProbeFileSchema.render(kinds));
        KeyTables tables = KeyTables.of(kinds);
        Map<Path, String> documents = new LinkedHashMap<>();
        for (Path markdown : documents()) {
            documents.put(markdown, tables.rewrite(read(markdown), root.relativize(markdown).toString()));
        }
        files.putAll(documents);
        Map<Path, Path> copies = new LinkedHashMap<>();
        ModuleReference.in(root).forEach(module -> copies.put(module.source(), module.target()));
        for (ModuleReference module : ModuleReference.in(root)) {
            if (documents.containsKey(module.target())) {
                throw new IllegalStateException(root.relativize(module.target()) + " is written by hand, but it is where the copy of "
                        + root.relativize(module.source()) + " goes; rename one of them");
            }
            files.put(module.target(), module.assemble(root, documents.get(module.source()), copies));
        }
        files.put(root.resolve(KindIndex.FILE), new KindIndex(root, documents, copies).render(kinds));
        return files;
    }

    /** The generated files that differ from what they should have, and generated files that should be no more. */
    public List<Path> stale() throws IOException {
        Map<Path, String> generated = generated();
        List<Path> stale = new ArrayList<>();
        for (Map.Entry<Path, String> file : generated.entrySet()) {
            if (!Files.isRegularFile(file.getKey()) || !read(file.getKey()).equals(file.getValue())) {
                stale.add(file.getKey());
            }
        }
        for (Path markdown : markdownIn(root.resolve("docs"))) {
            if (!generated.containsKey(markdown) && ModuleReference.isGenerated(read(markdown))) {
                stale.add(markdown);
            }
        }
        return stale;
    }

    /**
     * The Markdown documents written by hand, which may hold key tables: the README, the modules'
     * READMEs and the pages of {@code docs/} that are not generated.
     */
    public List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(root.resolve("README.md")));
        ModuleReference.in(root).forEach(module -> documents.add(module.source()));
        for (Path markdown : markdownIn(root.resolve("docs"))) {
            if (!ModuleReference.isGenerated(read(markdown))) {
                documents.add(markdown);
            }
        }
        return documents;
    }

    /** The kinds the generator documents. */
    public ProbeKinds kinds() {
        return kinds;
    }

    private static List<Path> markdownIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(".md")).filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
