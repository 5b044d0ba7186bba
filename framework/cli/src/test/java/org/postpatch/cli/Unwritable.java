package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes files and folders unwritable for this process, and writable again on close. Taking away
 * the write bits is enough for a user; root ignores them, so as root the file is made immutable
 * ({@code chattr +i}), which root must respect. Either way the check is {@code Files.isWritable}:
 * the test H2 itself makes to decide that a database file is read-only.
 */
final class Unwritable implements AutoCloseable {

    private final List<Path> changed = new ArrayList<>();
    private final List<Path> immutable = new ArrayList<>();

    void make(Path path) throws IOException, InterruptedException {
        changed.add(path);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "r-xr-xr-x" : "r--r--r--"));
        if (Files.isWritable(path)) {
            assertThat(chattr("+i", path)).as("chattr +i %s: root ignores file modes, so the file is made immutable", path)
                    .isEmpty();
            immutable.add(path);
        }
        assertThat(Files.isWritable(path)).as("%s is unwritable for this process", path).isFalse();
    }

    /** What chattr said when it failed, empty when it succeeded. */
    private static String chattr(String change, Path path) throws IOException, InterruptedException {
        Process chattr = new ProcessBuilder("chattr", change, path.toString()).redirectErrorStream(true).start();
        String said = new String(chattr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return chattr.waitFor() == 0 ? "" : "exit " + chattr.exitValue() + ": " + said;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (Path path : immutable) {
            assertThat(chattr("-i", path)).as("chattr -i %s", path).isEmpty();
        }
        for (Path path : changed) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
        }
        immutable.clear();
        changed.clear();
    }
}
