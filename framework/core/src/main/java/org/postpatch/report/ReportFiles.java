package org.postpatch.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes report files atomically: readers see the old file or the whole new one, never half. A
 * report gets the permissions the process's umask gives a new file, like any other tool's output
 * (0644 under the usual umask 022), so that a CI agent running as another user can read it; no
 * secret is ever in a report.
 */
public final class ReportFiles {

    private ReportFiles() {
    }

    public static void write(Path file, byte[] content) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path temporary = createTemporary(folder, absolute.getFileName().toString(), content);
        try {
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * A new file next to the report, holding the content. Not {@code Files.createTempFile}: that one
     * makes the file 0600 whatever the umask; a plain create lets the umask decide.
     */
    private static Path createTemporary(Path folder, String name, byte[] content) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temporary = folder.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(content);
                return temporary;
            } catch (FileAlreadyExistsException taken) {
                if (attempt >= 100) {
                    throw taken;
                }
            } catch (IOException | RuntimeException failed) {
                Files.deleteIfExists(temporary);
                throw failed;
            }
        }
    }
}
