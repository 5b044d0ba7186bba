package org.postpatch.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The probe file both benchmarks run: {@code count} http probes, each a status and one JSON assertion. */
final class Suites {

    private Suites() {
    }

    /** A suite of {@code count} probes of a reference kind (see {@link ReferenceKinds}). */
    static Path writeReference(Path folder, String kind, String base, int count) throws IOException {
        StringBuilder yaml = new StringBuilder("suite: bench-" + kind + "\nprobes:\n");
        for (int i = 0; i < count; i++) {
            yaml.append("  - id: item-").append(i).append('\n').append("    ").append(kind)
                    .append(kind.equals("bench-noop") ? ": {}\n" : ": { get: \"" + base + "/item/" + i + "\" }\n");
        }
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(kind + "-" + count + ".yaml"), yaml);
    }

    static Path write(Path folder, String base, int count) throws IOException {
        StringBuilder yaml = new StringBuilder("suite: bench\nvars:\n  base: ").append(base).append("\nprobes:\n");
        for (int i = 0; i < count; i++) {
            yaml.append("  - id: item-").append(i).append('\n')
                    .append("    http:\n")
                    .append("      get: ${base}/item/").append(i).append('\n')
                    .append("      expect: { status: 200, json: { $.status: UP } }\n");
        }
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve("bench-" + count + ".yaml"), yaml);
    }
}
