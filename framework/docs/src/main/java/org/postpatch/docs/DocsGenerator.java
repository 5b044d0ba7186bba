package org.postpatch.docs;

import java.io.IOException;
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
 * Writes what the declarations determine: {@code docs/probe-file.schema.json} and the key tables in
 * {@code README.md} and {@code probes/*}{@code /README.md}. Run from the repository's root:
 * <pre>
 * mvn -B -pl framework/docs -am process-classes -Pgenerate-docs
 * </pre>
 * With {@code --check} it writes nothing and exits 1 naming the files that differ.
 */
public final class DocsGenerator {

    private final Path root;
    private final ProbeKinds kinds;

    /** A generator for the repository at {@code root}, with the kinds visible to this class's loader. */
    public DocsGenerator(Path root) {
        this.root = root;
        this.kinds = ProbeKinds.load(DocsGenerator.class.getClassLoader());
    }

    public static void main(String[] args) throws IOException {
        boolean check = List.of(args).contains("--check");
        Path root = Path.of(List.of(args).stream().filter(arg -> !arg.startsWith("--")).findFirst().orElse("."));
        DocsGenerator generator = new DocsGenerator(root);
        List<Path> stale = generator.stale();
        if (check) {
            stale.forEach(file -> System.err.println(file + " is out of date"));
            System.exit(stale.isEmpty() ? 0 : 1);
        }
        for (Map.Entry<Path, String> file : generator.generated().entrySet()) {
            if (stale.contains(file.getKey())) {
                Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8);
                System.out.println("wrote " + root.relativize(file.getKey()));
            }
        }
    }

    /** Every generated file with the content it should have. */
    public Map<Path, String> generated() throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(root.resolve(ProbeFileSchema.FILE), ProbeFileSchema.render(kinds));
        KeyTables tables = KeyTables.of(kinds);
        for (Path markdown : documents()) {
            String text = Files.readString(markdown, StandardCharsets.UTF_8);
            files.put(markdown, tables.rewrite(text, root.relativize(markdown).toString()));
        }
        return files;
    }

    /** The generated files whose content on disk differs from what they should have. */
    public List<Path> stale() throws IOException {
        List<Path> stale = new ArrayList<>();
        for (Map.Entry<Path, String> file : generated().entrySet()) {
            if (!Files.isRegularFile(file.getKey())
                    || !Files.readString(file.getKey(), StandardCharsets.UTF_8).equals(file.getValue())) {
                stale.add(file.getKey());
            }
        }
        return stale;
    }

    /** The Markdown documents that may hold key tables: the README and the probe modules' READMEs. */
    public List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> modules = Files.list(root.resolve("probes"))) {
            modules.map(module -> module.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(documents::add);
        }
        return documents;
    }

    /** The kinds the generator documents. */
    public ProbeKinds kinds() {
        return kinds;
    }
}
