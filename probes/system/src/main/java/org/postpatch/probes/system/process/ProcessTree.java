package org.postpatch.probes.system.process;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Kills a process with everything it started. Killing only the process would leave its children
 * running (a shell's {@code sleep 600 &} outlives the shell), re-parented where nobody can find them.
 */
public final class ProcessTree {

    private ProcessTree() {
    }

    /**
     * Kills the process and its descendants, from the top down: each process's children are listed
     * just before it is killed, so that one cannot start new ones unnoticed. Does nothing once the
     * process has ended.
     */
    public static void destroy(Process process) {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> known = process.descendants().toList();
        Set<Long> killed = new HashSet<>();
        Deque<ProcessHandle> todo = new ArrayDeque<>();
        todo.add(process.toHandle());
        while (!todo.isEmpty()) {
            ProcessHandle next = todo.poll();
            if (!killed.add(next.pid())) {
                continue;
            }
            List<ProcessHandle> children = next.children().toList();
            if (next.pid() == process.pid()) {
                process.destroyForcibly();
            } else {
                next.destroyForcibly();
            }
            todo.addAll(children);
        }
        for (ProcessHandle straggler : known) {
            if (killed.add(straggler.pid())) {
                straggler.destroyForcibly();
            }
        }
    }
}
