package org.postpatch.cli;

import java.util.OptionalInt;
import org.postpatch.process.JvmProcess;
import org.postpatch.process.ListeningSockets;
import org.postpatch.process.ProcessProblem;
import org.postpatch.result.Fingerprint;
import org.postpatch.run.Fingerprints;
import picocli.CommandLine.Option;

/**
 * {@code --app-pid} and {@code --app-port}: the application's own JVM, jars, version and start
 * time, read from outside its process (through {@code /proc}), for applications that cannot
 * embed postpatch. A process that is not there, is not a JVM or cannot be read is bad input.
 */
public final class AppProcessOption {

    @Option(names = "--app-pid", paramLabel = "PID",
            description = "Fingerprint the application process with this id, from outside it: its JVM (vendor, version, "
                    + "build, from its Java home), its jars (from -jar or its class path, Spring Boot's nested jars "
                    + "included), its version and its start time.")
    Long pid;

    @Option(names = "--app-port", paramLabel = "PORT",
            description = "The same for the local process listening on this TCP port (it must be a JVM). Without "
                    + "either (or --fingerprint-url) only this machine is fingerprinted: OS and kernel, not the "
                    + "application's JVM or jars.")
    Integer port;

    /** True when the application process is named. */
    boolean given() {
        return pid != null || port != null;
    }

    /** The option as the operator gave it, for messages: "--app-port 8080". */
    String given(boolean withValue) {
        return port != null ? "--app-port" + (withValue ? " " + port : "") : "--app-pid" + (withValue ? " " + pid : "");
    }

    /** Checks the values before anything runs. */
    void check() {
        if (pid != null && port != null) {
            throw new BadInputException("--app-pid and --app-port both name the application process: give one");
        }
        if (pid != null && pid <= 0) {
            throw new BadInputException("--app-pid must be a process id (a positive number), was " + pid);
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw new BadInputException("--app-port must be between 1 and 65535, was " + port);
        }
    }

    /** The id of the process named now: the one given, or the one listening on the port. */
    long currentPid() {
        check();
        try {
            return port != null ? ListeningSockets.processListeningOn(port) : pid;
        } catch (ProcessProblem problem) {
            throw new BadInputException(given(true) + ": " + problem.getMessage());
        }
    }

    /** The application's fingerprint, read now; bad input (exit 2) when it cannot be. */
    Fingerprint read() {
        return read(currentPid());
    }

    /** The fingerprint of the process {@code pid}, as named by these options. */
    Fingerprint read(long processId) {
        try {
            return Fingerprints.of(JvmProcess.read(processId, port != null ? OptionalInt.of(port) : OptionalInt.empty()));
        } catch (ProcessProblem problem) {
            throw new BadInputException(given(true) + ": " + problem.getMessage());
        }
    }
}
