package org.postpatch.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The probe file both benchmarks run: {@code count} http probes, each a status and one JSON assertion. */
final class Suites {

    private Suites() {
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
