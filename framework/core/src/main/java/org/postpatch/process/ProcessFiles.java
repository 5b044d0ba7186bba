package org.postpatch.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code /proc/PID} entries of one process, read with messages an operator can act on: a
 * process that is gone, or whose entries this user may not read, is a {@link ProcessProblem}.
 */
final class ProcessFiles {

    /** What the kernel appends to the link of a file deleted (or replaced) since it was opened. */
    static final String DELETED = " (deleted)";

    private final long pid;
    private final Path directory;

    private ProcessFiles(long pid) {
        this.pid = pid;
        this.directory = Path.of("/proc", Long.toString(pid));
    }

    /** The entries of a running process. */
    static ProcessFiles of(long pid) {
        requireProc();
        if (pid <= 0) {
            throw new ProcessProblem("a process id is a positive number, not " + pid);
        }
        ProcessFiles process = new ProcessFiles(pid);
        if (!Files.isDirectory(process.directory) || startedAt(pid).isEmpty()) {
            throw new ProcessProblem("no process " + pid + " is running on this host");
        }
        return process;
    }

    /** Another process is read through /proc: without it (not Linux), say so rather than "no such process". */
    static void requireProc() {
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            throw new ProcessProblem("another process is read through /proc, which this system ("
                    + System.getProperty("os.name") + ") does not have");
        }
    }

    /**
     * When the process started: the JDK reads it from {@code /proc/PID/stat} (start time in clock
     * ticks after boot) and the boot time in {@code /proc/stat}, with the kernel's tick rate.
     */
    static Optional<Instant> startedAt(long pid) {
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().startInstant());
    }

    long pid() {
        return pid;
    }

    /** The process's short name ({@code /proc/PID/comm}), like "java" or "sleep". */
    String name() {
        return nameOf(pid);
    }

    /** The short name of a process, or "?" once it is gone. */
    static String nameOf(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm"), StandardCharsets.UTF_8).strip();
        } catch (IOException unreadable) {
            return "?";
        }
    }

    /** The arguments it was started with, the program first. */
    List<String> commandLine() {
        byte[] bytes = read("cmdline");
        List<String> arguments = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                arguments.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            arguments.add(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8));
        }
        if (arguments.isEmpty()) {
            throw new ProcessProblem("process " + pid + " (" + name() + ") has no command line: it has exited "
                    + "or is a kernel thread, not an application");
        }
        return arguments;
    }

    /** The program it runs ({@code /proc/PID/exe}), with the kernel's " (deleted)" note if it was replaced since. */
    String executable() {
        return link("exe");
    }

    /** Its working directory, against which relative class path entries are resolved. */
    Path workingDirectory() {
        String link = link("cwd");
        return Path.of(link.endsWith(DELETED) ? link.substring(0, link.length() - DELETED.length()) : link);
    }

    /** A variable of the environment it was started with, if set. */
    Optional<String> environment(String name) {
        String prefix = name + "=";
        for (String variable : new String(read("environ"), StandardCharsets.UTF_8).split("\0")) {
            if (variable.startsWith(prefix)) {
                return Optional.of(variable.substring(prefix.length()));
            }
        }
        return Optional.empty();
    }

    /** The files mapped into its memory ({@code /proc/PID/maps}), one per mapping. */
    List<String> mappedFiles() {
        List<String> files = new ArrayList<>();
        for (String line : new String(read("maps"), StandardCharsets.UTF_8).split("\n")) {
            int slash = line.indexOf('/');
            if (slash >= 0) {
                files.add(line.substring(slash));
            }
        }
        return files;
    }

    private byte[] read(String entry) {
        try {
            return Files.readAllBytes(directory.resolve(entry));
        } catch (IOException e) {
            throw problem(entry, e);
        }
    }

    private String link(String entry) {
        try {
            return Files.readSymbolicLink(directory.resolve(entry)).toString();
        } catch (IOException e) {
            throw problem(entry, e);
        }
    }

    private ProcessProblem problem(String entry, IOException cause) {
        if (!Files.isDirectory(directory)) {
            return new ProcessProblem("process " + pid + " ended while it was being read");
        }
        if (cause instanceof AccessDeniedException) {
            return new ProcessProblem("process " + pid + " (" + name() + ", user " + owner() + "): " + directory
                    .resolve(entry) + " cannot be read by user " + System.getProperty("user.name") + ". postpatch must "
                    + "run as the application's user (or as root, allowed to inspect other processes) to read its JVM "
                    + "and jars");
        }
        if (cause instanceof NoSuchFileException) {
            return new ProcessProblem("process " + pid + " (" + name() + ") has no " + directory.resolve(entry)
                    + ": it has exited or is a kernel thread, not an application");
        }
        return new ProcessProblem("process " + pid + " (" + name() + "): " + directory.resolve(entry)
                + " cannot be read: " + cause.getMessage());
    }

    /** The user owning the process, by name when known. */
    String owner() {
        try {
            return Files.getOwner(directory).getName();
        } catch (IOException | UnsupportedOperationException unknown) {
            return "?";
        }
    }
}
