package org.postpatch.probes.system.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * Process sessions on Linux, read from {@code /proc}. A command is started in a session of its own
 * (with util-linux {@code setsid}), whose id is the command's process id. Everything it starts stays
 * in that session — also a process started twice removed, {@code (sleep 600 &)}, which its parent's
 * exit re-parents to PID 1, out of reach of the process tree — unless it creates a session itself
 * as daemons do. So the session finds what the tree loses.
 */
final class Sessions {

    private static final Path PROC = Path.of("/proc");
    private static final String SETSID = findSetsid();
    private static final String KILL = SETSID == null ? null
            : Files.isExecutable(Path.of("/bin/kill")) ? "/bin/kill" : Files.isExecutable(Path.of("/usr/bin/kill")) ? "/usr/bin/kill" : null;
    private static final long KILL_WAIT_MILLIS = 2_000;

    private Sessions() {
    }

    private static String findSetsid() {
        if (!Files.isReadable(PROC.resolve("self/stat"))) {
            return null;
        }
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    /** The {@code setsid} program that starts a command in a new session, or null where there is none. */
    static String setsid() {
        return SETSID;
    }

    /**
     * Kills every process of a process group with one signal ({@code kill -KILL -- -GROUP}): the
     * kernel delivers it to all of them at once, so none can fork a child that escapes it. A session
     * leader's group has the leader's id and holds what it started, unless that moved to another group.
     */
    static void killGroup(long groupId) {
        if (KILL == null) {
            return;
        }
        try {
            Process kill = new ProcessBuilder(KILL, "-KILL", "--", "-" + groupId)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!kill.waitFor(KILL_WAIT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                kill.destroyForcibly();
            }
        } catch (IOException cannotRun) {
            // The sweep of the session that follows still kills them, one by one.
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The processes of the session, except zombies (they are dead, only not yet reaped). */
    static List<Long> members(long sessionId) {
        return members(sessionId, pid -> true);
    }

    /**
     * As {@link #members(long)}, reading only the processes created after the session's leader: the
     * kernel hands out process ids in increasing order, up to the last one given, until they wrap
     * around. Reading every process of a busy host after each command would cost milliseconds.
     */
    static List<Long> membersCreatedAfterLeader(long sessionId) {
        long last;
        try {
            last = Long.parseLong(Files.readString(PROC.resolve("sys/kernel/ns_last_pid")).strip());
        } catch (IOException | RuntimeException unreadable) {
            return members(sessionId);
        }
        boolean wrapped = last < sessionId;
        return members(sessionId, pid -> wrapped ? pid > sessionId || pid <= last : pid > sessionId && pid <= last);
    }

    private static List<Long> members(long sessionId, LongPredicate candidate) {
        List<Long> members = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, Sessions::isProcess)) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                if (!candidate.test(pid)) {
                    continue;
                }
                String[] stat = stat(pid);
                if (stat != null && !stat[0].equals("Z") && Long.parseLong(stat[3]) == sessionId) {
                    members.add(pid);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // /proc unreadable: nothing can be found this way.
        }
        return members;
    }

    /** The session of a process, if it is alive and readable. */
    static OptionalLong sessionOf(long pid) {
        String[] stat = stat(pid);
        return stat == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(stat[3]));
    }

    /** The pipes a process writes its stdout and stderr to ({@code pipe:[123]}); empty when not pipes or gone. */
    static Set<String> outputPipes(long pid) {
        Set<String> pipes = new LinkedHashSet<>();
        for (String fd : List.of("1", "2")) {
            try {
                String target = Files.readSymbolicLink(PROC.resolve(pid + "/fd/" + fd)).toString();
                if (target.startsWith("pipe:")) {
                    pipes.add(target);
                }
            } catch (IOException | UnsupportedOperationException gone) {
                // Ended, or not readable: nothing held.
            }
        }
        return pipes;
    }

    private static boolean isProcess(Path entry) {
        String name = entry.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    /** The fields after the command name: state, parent, process group, session, ...; null when gone. */
    private static String[] stat(long pid) {
        try {
            String stat = new String(Files.readAllBytes(PROC.resolve(pid + "/stat")), StandardCharsets.US_ASCII);
            // The command name is in parentheses and may itself hold spaces and parentheses.
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ", 5);
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }
}
