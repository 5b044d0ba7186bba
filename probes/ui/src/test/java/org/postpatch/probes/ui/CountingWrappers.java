package org.postpatch.probes.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Stand-ins for chromedriver and Chromium at paths of a test's own: each records its start (and the
 * path it was started by) and becomes the real program, so a test can count browser starts and see
 * that the configured path, and no other, was used.
 */
record CountingWrappers(Path driver, Path binary, Path starts) {

    static CountingWrappers in(Path folder) {
        Path starts = folder.resolve("starts.log");
        return new CountingWrappers(wrapper(folder.resolve("my-chromedriver"), "/usr/bin/chromedriver", starts),
                wrapper(folder.resolve("my-chromium"), "/usr/bin/chromium", starts), starts);
    }

    private static Path wrapper(Path script, String real, Path log) {
        try {
            Files.writeString(script, "#!/bin/sh\necho \"$0\" >> '" + log + "'\nexec " + real + " \"$@\"\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return script;
    }

    /** The paths the wrappers were started by, one line per start. */
    java.util.List<String> started() {
        try {
            return Files.exists(starts) ? Files.readAllLines(starts) : java.util.List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
