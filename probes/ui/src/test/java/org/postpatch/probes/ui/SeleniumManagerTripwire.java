package org.postpatch.probes.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Catches any run of Selenium Manager, the tool Selenium uses to find (and download) drivers and
 * browsers. Surefire points {@code SE_MANAGER_PATH} at a script that only records that it was run
 * and fails, so a test JVM that would reach Selenium Manager leaves a line in the log instead of
 * going to the network.
 */
final class SeleniumManagerTripwire {

    private static final Path SCRIPT = Path.of(required("SE_MANAGER_PATH"));
    private static final Path LOG = SCRIPT.resolveSibling("selenium-manager-runs.log");

    private SeleniumManagerTripwire() {
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set; Surefire sets it (see probes/ui/pom.xml)");
        }
        return value;
    }

    /** Writes the script, once per JVM; later calls do nothing. */
    static synchronized void arm() {
        if (Files.isExecutable(SCRIPT)) {
            return;
        }
        try {
            Files.createDirectories(SCRIPT.getParent());
            Files.writeString(SCRIPT, "#!/bin/sh\necho \"$@\" >> '" + LOG + "'\nexit 65\n");
            Files.setPosixFilePermissions(SCRIPT, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many times Selenium Manager was run so far. */
    static long runs() {
        try {
            return Files.exists(LOG) ? Files.readAllLines(LOG).size() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
