package org.postpatch.probes.system.process;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kills a process with everything it started. Killing only the process would leave its children
 * running (a shell's {@code sleep 600 &} outlives the shell), re-parented where nobody can find them.
 */
public final class ProcessTree {

    /** Rounds of looking for what is left of a session; each kills what forked during the last one. */
    private static final int SESSION_ROUNDS = 20;

    /**
     * The sessions of commands still running or being killed, so that an exit at once still finds
     * them when their leader is already gone and only its double-forked children are left.
     */
    private static final Set<Long> SESSIONS = ConcurrentHashMap.newKeySet();

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
        destroyTree(process.toHandle(), process);
    }

    /**
     * Kills everything this JVM started that is still running: each child with its descendants and,
     * for a child that leads a session of its own (a command), every process of that session. For
     * the moment the JVM must exit at once (a second Ctrl-C or SIGTERM).
     */
    public static void destroyEverythingStarted() {
        Set<Long> sessions = new HashSet<>(SESSIONS);
        long ownSession = Sessions.sessionOf(ProcessHandle.current().pid()).orElse(-1);
        List<ProcessHandle> children = ProcessHandle.current().children().toList();
        for (ProcessHandle child : children) {
            if (Sessions.sessionOf(child.pid()).orElse(-1) == child.pid() && child.pid() != ownSession) {
                sessions.add(child.pid());
            }
        }
        sessions.forEach(ProcessTree::destroySession);
        children.forEach(child -> destroyTree(child, null));
    }

    /** Remembers the session of a command that is running. */
    static void track(long sessionId) {
        SESSIONS.add(sessionId);
    }

    /** Forgets it: the command ended, or was killed with its session. */
    static void untrack(long sessionId) {
        SESSIONS.remove(sessionId);
    }

    /**
     * Kills every process left in a session: its leader's process group at once, then each process
     * still found in the session (one that moved to another group), until none is left (or a few
     * rounds found only ones that ignore being killed, like a process stuck in the kernel).
     */
    static void destroySession(long sessionId) {
        Sessions.killGroup(sessionId);
        Set<Long> killed = new HashSet<>();
        for (int round = 0; round < SESSION_ROUNDS; round++) {
            boolean found = false;
            for (long pid : Sessions.members(sessionId)) {
                if (killed.add(pid)) {
                    found = true;
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
            if (!found) {
                return;
            }
        }
    }

    private static void destroyTree(ProcessHandle root, Process process) {
        List<ProcessHandle> known = root.descendants().toList();
        Set<Long> killed = new HashSet<>();
        Deque<ProcessHandle> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            ProcessHandle next = todo.poll();
            if (!killed.add(next.pid())) {
                continue;
            }
            List<ProcessHandle> children = next.children().toList();
            if (process != null && next.pid() == process.pid()) {
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
