package org.postpatch.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The benchmarks' temporary folders, removed when a benchmark ends (B2's hold AppCDS archives of tens of MB). */
final class TempFolders {

    private TempFolders() {
    }

    /** Deletes the folder and everything in it; what cannot be deleted is left, with a line on stderr. */
    static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("could not remove " + folder + ": " + e);
        }
    }
}
