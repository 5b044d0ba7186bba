package org.postpatch.probes.ui.browser;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Finding and ending the processes of a browser: by parent, by process tree and by a path in their command line. */
final class Processes {

    private static final Duration POLL = Duration.ofMillis(25);

    private Processes() {
    }

    /**
     * True while the process runs. A killed process whose parent has not reaped it yet (a zombie) no
     * longer has a command, and counts as ended.
     */
    static boolean isRunning(ProcessHandle process) {
        return process.isAlive() && process.info().command().isPresent();
    }

    /** The process and everything it started that is still its descendant. */
    static Set<ProcessHandle> tree(ProcessHandle root) {
        Set<ProcessHandle> all = new LinkedHashSet<>();
        all.add(root);
        root.descendants().forEach(all::add);
        return all;
    }

    /** Processes whose command line mentions this text, such as a browser's own temporary folder. */
    static Set<ProcessHandle> mentioning(String text) {
        Set<ProcessHandle> found = new LinkedHashSet<>();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            all.filter(p -> p.info().commandLine().map(line -> line.contains(text)).orElse(false)).forEach(found::add);
        }
        return found;
    }


    /** Kills them all at once, children first so that none is left without the parent that would reap it. */
    static void kill(Set<ProcessHandle> processes) {
        List<ProcessHandle> order = List.copyOf(processes);
        for (int i = order.size() - 1; i >= 0; i--) {
            order.get(i).destroyForcibly();
        }
    }

    /** Waits until none of them runs, up to {@code bound}; true when they all ended. */
    static boolean awaitEnded(Set<ProcessHandle> processes, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (processes.stream().anyMatch(Processes::isRunning)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
