package org.postpatch.probes.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a Chromium of this module could leave behind: its processes (chromedriver, chromium and its
 * helpers, crash handlers) and its temporary folders. A killed process that is not reaped yet has no
 * command any more and does not count: it is gone.
 */
final class BrowserLeftovers {

    static final String FOLDER_PREFIX = "postpatch-chromium-";
    private static final Path TEMPORARY = Path.of(System.getProperty("java.io.tmpdir"));

    private BrowserLeftovers() {
    }

    /** Browser processes started from this JVM, directly or through Chromium's own forking. */
    static List<String> processes() {
        Set<Long> ours = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.info().command().map(c -> c.contains("chrom")).orElse(false))
                    .filter(p -> ours.contains(p.pid())
                            || p.info().commandLine().map(line -> line.contains(FOLDER_PREFIX)).orElse(false))
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse(p.info().command().orElse("?")))
                    .toList();
        }
    }

    /** Chromium's temporary folders that exist now. */
    static Set<Path> folders() {
        try (Stream<Path> files = Files.list(TEMPORARY)) {
            return files.filter(p -> p.getFileName().toString().startsWith(FOLDER_PREFIX)).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
