package org.postpatch.process;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An application's JVM process as read from outside it, through {@code /proc}: what the command
 * line fingerprints with {@code --app-pid} or {@code --app-port}.
 *
 * @param pid            its process id
 * @param port           the TCP port it was found by, if it was
 * @param name           its short name ({@code /proc/PID/comm})
 * @param startedAt      when it started
 * @param javaHome       the home of the JVM it runs
 * @param jvm            that JVM's facts: jvm.vendor, jvm.version, jvm.build
 * @param jvmReplaced    the JVM's files were replaced after it started: it still runs the old JVM
 * @param main           what it runs: "-jar app.jar" or its main class (null when unknown)
 * @param applicationJar the jar holding the application (its main jar, or the jar of its main
 *                       class), where its version is read; null when unknown
 * @param jars           the jars of its class path, in the order the JVM reads them
 */
public record JvmProcess(long pid, OptionalInt port, String name, Instant startedAt, Path javaHome,
                         Map<String, String> jvm, boolean jvmReplaced, String main, Path applicationJar, List<Path> jars) {

    public JvmProcess {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(startedAt, "startedAt");
        jvm = Map.copyOf(jvm);
        jars = List.copyOf(jars);
    }

    /**
     * Reads the process with this id ({@link ListeningSockets#processListeningOn} finds the one on a
     * port); a {@link ProcessProblem} says why it cannot be: not running, not a JVM, not readable.
     *
     * @param port the port it was found by, if it was
     */
    public static JvmProcess read(long pid, OptionalInt port) {
        ProcessFiles process = ProcessFiles.of(pid);
        Instant startedAt = ProcessFiles.startedAt(pid)
                .orElseThrow(() -> new ProcessProblem("process " + pid + " ended while it was being read"));
        JavaRuntime runtime = JavaRuntime.of(process);
        Path workingDirectory = process.workingDirectory();
        JavaCommand command = JavaCommand.parse(process.commandLine(), workingDirectory,
                process.environment("JDK_JAVA_OPTIONS"), process.environment("CLASSPATH"));
        List<Path> jars = command.jars(workingDirectory);
        JvmProcess read = new JvmProcess(pid, port, process.name(), startedAt, runtime.home(), runtime.facts(),
                runtime.replaced(), command.mainJar() != null ? "-jar " + command.mainJar() : command.mainClass(),
                command.applicationJar(workingDirectory, jars), jars);
        // The same pid after a restart is another process: what was read would mix the two.
        if (!startedAt(pid).equals(startedAt)) {
            throw new ProcessProblem("process " + pid + " ended while it was being read");
        }
        return read;
    }

    /** When the process with this id started; a {@link ProcessProblem} when there is none. */
    public static Instant startedAt(long pid) {
        return ProcessFiles.startedAt(pid).orElseThrow(() -> new ProcessProblem("no process " + pid
                + " is running on this host"));
    }
}
