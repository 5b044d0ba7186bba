package org.postpatch.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The files of the repository that the documentation tests read, outside build output and sources. */
final class RepositoryDocuments {

    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "node_modules", ".demo");

    private RepositoryDocuments() {
    }

    /** The README, every module's, and every page of docs/ (the generated ones too); none under a src/ folder. */
    static List<Path> markdown(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> outsideSkippedFolders(root, path)).filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().equals("README.md")
                            || path.startsWith(root.resolve("docs")) && path.toString().endsWith(".md"))
                    .filter(path -> !root.relativize(path).toString().contains("src/")).sorted().toList();
        }
    }

    /** Whether the path lies outside version control's, the build's and the demo's own folders. */
    static boolean outsideSkippedFolders(Path root, Path path) {
        for (Path part : root.relativize(path)) {
            if (SKIPPED_FOLDERS.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }
}
