package org.postpatch.probes.ui.browser;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;

/** Deleting a browser's temporary folder, which a dying browser may still be writing into for a moment. */
final class TemporaryFolders {

    private static final int ATTEMPTS = 20;
    private static final Duration PAUSE = Duration.ofMillis(50);

    private TemporaryFolders() {
    }

    /** Deletes the folder and everything in it; retries briefly while files keep appearing. True when it is gone. */
    static boolean delete(Path folder) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                deleteOnce(folder);
                return true;
            } catch (NoSuchFileException alreadyGone) {
                if (!Files.exists(folder)) {
                    return true;
                }
            } catch (IOException stillInUse) {
                // a file was created or removed meanwhile; try again
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return !Files.exists(folder);
            }
        }
        return !Files.exists(folder);
    }

    private static void deleteOnce(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.deleteIfExists(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
