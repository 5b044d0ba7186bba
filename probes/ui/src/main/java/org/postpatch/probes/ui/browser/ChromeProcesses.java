package org.postpatch.probes.ui.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything one local Chromium runs: chromedriver (a child of this JVM, known by its port), Chromium
 * (known by its process id) with its helpers, and anything else that names the browser's own
 * temporary folder in its command line (crash handlers, which detach from Chromium's tree).
 */
final class ChromeProcesses {

    private final Path folder;
    private volatile int driverPort = -1;
    private volatile long browserPid = -1;

    ChromeProcesses(Path folder) {
        this.folder = folder;
    }

    void driverPort(int port) {
        this.driverPort = port;
    }

    void browserPid(long pid) {
        this.browserPid = pid;
    }

    /** True while Chromium's main process runs (true also before it is known). */
    boolean browserRuns() {
        return browserPid < 0 || ProcessHandle.of(browserPid).map(Processes::isRunning).orElse(false);
    }

    /** Those of them that still run. */
    Set<ProcessHandle> running() {
        Set<ProcessHandle> found = new LinkedHashSet<>();
        if (driverPort > 0) {
            String port = "--port=" + driverPort;
            ProcessHandle.current().children()
                    .filter(p -> p.info().arguments().map(args -> List.of(args).contains(port)).orElse(false))
                    .forEach(p -> found.addAll(Processes.tree(p)));
        }
        if (browserPid > 0) {
            ProcessHandle.of(browserPid).ifPresent(p -> found.addAll(Processes.tree(p)));
        }
        for (ProcessHandle p : Processes.mentioning(folder.toString())) {
            found.addAll(Processes.tree(p));
        }
        found.removeIf(p -> !Processes.isRunning(p) || p.pid() == ProcessHandle.current().pid());
        return found;
    }

    /** Kills whatever runs, without waiting. */
    void kill() {
        Processes.kill(running());
    }

    /** Kills until nothing runs any more (up to {@code bound}), then deletes the folder. */
    void removeAll(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        Set<ProcessHandle> left = running();
        while (!left.isEmpty() && System.nanoTime() - deadline < 0) {
            Processes.kill(left);
            Processes.awaitEnded(left, Duration.ofSeconds(2));
            left = running();
        }
        TemporaryFolders.delete(folder);
    }
}
