package org.postpatch.process;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which local process listens on a TCP port: the kernel's tables of sockets ({@code /proc/net/tcp}
 * and {@code tcp6}, any address — loopback, wildcard or an interface's) give the listening sockets'
 * inodes, and the process holding one of them has a {@code /proc/PID/fd} link {@code socket:[inode]}.
 */
public final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** The id of the one process listening on {@code port}; a {@link ProcessProblem} says why there is none. */
    public static long processListeningOn(int port) {
        ProcessFiles.requireProc();
        Map<String, String> ownerByInode = listeners(port);
        if (ownerByInode.isEmpty()) {
            throw new ProcessProblem("no process listens on TCP port " + port + " on this host");
        }
        TreeSet<Long> holders = new TreeSet<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"),
                entry -> entry.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path process : processes) {
                if (holdsOneOf(process, ownerByInode)) {
                    holders.add(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException unreadable) {
            throw new ProcessProblem("the processes of this host cannot be listed from /proc: " + unreadable.getMessage());
        }
        if (holders.isEmpty()) {
            String users = ownerByInode.values().stream().distinct().map(ListeningSockets::userName)
                    .collect(Collectors.joining(", "));
            throw new ProcessProblem("TCP port " + port + " is listened on by a process of user " + users + " that user "
                    + System.getProperty("user.name") + " cannot inspect: postpatch must run as the application's user "
                    + "(or as root, allowed to inspect other processes) to read its JVM and jars");
        }
        if (holders.size() > 1) {
            throw new ProcessProblem("several processes listen on TCP port " + port + ": " + holders.stream()
                    .map(pid -> pid + " (" + ProcessFiles.nameOf(pid) + ")").collect(Collectors.joining(", "))
                    + "; name the application by its process id instead");
        }
        return holders.first();
    }

    /** The inodes of the sockets listening on {@code port}, each with the uid that owns it. */
    private static Map<String, String> listeners(int port) {
        Map<String, String> ownerByInode = new LinkedHashMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(table));
            } catch (IOException absent) {
                continue; // no IPv6 on this host
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
                String[] fields = line.strip().split("\\s+");
                if (fields.length < 10 || !LISTEN.equals(fields[3]) || "0".equals(fields[9])) {
                    continue;
                }
                String local = fields[1];
                if (Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16) == port) {
                    ownerByInode.put(fields[9], fields[7]);
                }
            }
        }
        return ownerByInode;
    }

    private static boolean holdsOneOf(Path process, Map<String, String> ownerByInode) {
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path descriptor : descriptors) {
                String target = link(descriptor);
                if (target.startsWith("socket:[")
                        && ownerByInode.containsKey(target.substring("socket:[".length(), target.length() - 1))) {
                    return true;
                }
            }
        } catch (AccessDeniedException otherUser) {
            return false; // reported as such when no readable process holds the socket
        } catch (IOException gone) {
            return false;
        }
        return false;
    }

    private static String link(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor).toString();
        } catch (IOException closedMeanwhile) {
            return "";
        }
    }

    /** "tomcat (uid 1001)", from /etc/passwd; the uid alone when it is not there. */
    private static String userName(String uid) {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] fields = line.split(":");
                if (fields.length > 2 && fields[2].equals(uid)) {
                    return fields[0] + " (uid " + uid + ")";
                }
            }
        } catch (IOException unreadable) {
            // the uid alone says enough
        }
        return "uid " + uid;
    }
}
