package org.postpatch.probes.system.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A command started for one attempt, in a session of its own where the system allows it (Linux with
 * util-linux {@code setsid}). Its session is how everything it started is found again: to kill it
 * all when the attempt is abandoned, and to tell whether a process it left running still holds its
 * output once it has exited.
 */
final class StartedCommand {

    private static final String SETSID_FAILED = "setsid: failed to execute ";
    private static final Duration SETTLE_STEP = Duration.ofMillis(20);

    private final Process process;
    private final boolean ownSession;
    private final Set<String> outputPipes;

    /** Whether the command is still running, ended on its own, or is being killed. */
    private enum State { RUNNING, ENDED, KILLED }

    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);

    private StartedCommand(Process process, boolean ownSession) {
        this.process = process;
        this.ownSession = ownSession;
        this.outputPipes = ownSession ? Sessions.outputPipes(process.pid()) : Set.of();
        if (ownSession) {
            ProcessTree.track(process.pid());
        }
    }

    /** Starts the command, in its own session when possible. */
    static StartedCommand start(CommandLine line) throws CannotStartException {
        String setsid = Sessions.setsid();
        List<String> argv = new ArrayList<>();
        if (setsid != null) {
            // setsid would report a missing program on stderr with exit code 127; say it as the JDK would.
            Optional<String> unrunnable = unrunnable(line);
            if (unrunnable.isPresent()) {
                throw new CannotStartException("cannot run '" + line.program() + "': " + unrunnable.get(), null);
            }
            argv.addAll(List.of(setsid, "--"));
        }
        argv.addAll(line.argv());
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().putAll(line.environment());
        line.directory().ifPresent(directory -> builder.directory(directory.toFile()));
        try {
            return new StartedCommand(builder.start(), setsid != null);
        } catch (IOException | RuntimeException failed) {
            throw new CannotStartException("cannot run '" + line.program() + "': " + reason(failed), failed);
        }
    }

    Process process() {
        return process;
    }

    /**
     * Kills the command with everything it started: its process tree (which finds a descendant that
     * made a session of its own), then whatever is left in its session. Nothing once the command has
     * ended on its own: what it left running, it started on purpose.
     */
    void destroy() {
        if (!state.compareAndSet(State.RUNNING, State.KILLED) && state.get() == State.ENDED) {
            return;
        }
        ProcessTree.destroy(process);
        if (ownSession) {
            ProcessTree.destroySession(process.pid());
        }
        ProcessTree.untrack(process.pid());
    }

    /** The command ended on its own (unless it is being killed): its session is no longer this attempt's to kill. */
    void ended() {
        if (state.compareAndSet(State.RUNNING, State.ENDED)) {
            ProcessTree.untrack(process.pid());
        }
    }

    /**
     * After the command exited: true when a process it started still holds its stdout or stderr;
     * empty when this cannot be told (no session of its own). A process just forked holds them until
     * it has set up its own redirections ({@code sleep 600 > /dev/null &}), so a holder must still hold
     * them after {@code settle}.
     */
    Optional<Boolean> outputHeldOpen(Duration settle) throws InterruptedException {
        if (!ownSession) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + settle.toNanos();
        while (holdsOutput()) {
            if (System.nanoTime() - deadline >= 0) {
                return Optional.of(true);
            }
            Thread.sleep(SETTLE_STEP.toMillis());
        }
        return Optional.of(false);
    }

    private boolean holdsOutput() {
        for (long member : Sessions.membersCreatedAfterLeader(process.pid())) {
            Set<String> held = Sessions.outputPipes(member);
            if (outputPipes.isEmpty() ? !held.isEmpty() : held.stream().anyMatch(outputPipes::contains)) {
                return true;
            }
        }
        return false;
    }

    /** The reason when {@code setsid} could not run the program after all (it changed meanwhile); empty otherwise. */
    Optional<String> startFailure(int exitCode, CapturedOutput stderr) {
        if (!ownSession || (exitCode != 126 && exitCode != 127) || !stderr.text().startsWith(SETSID_FAILED)) {
            return Optional.empty();
        }
        String message = stderr.text().strip();
        int colon = message.indexOf(": ", SETSID_FAILED.length());
        return Optional.of(colon < 0 ? message : message.substring(colon + 2));
    }

    /**
     * Why the program cannot be run, as the JDK would say it ("No such file or directory",
     * "Permission denied"); empty when it can, or when that cannot be told beforehand.
     */
    private static Optional<String> unrunnable(CommandLine line) {
        String program = line.program();
        try {
            Path here = line.directory().orElse(Path.of(""));
            if (program.contains("/")) {
                return problem(here.resolve(program));
            }
            String path = line.environment().getOrDefault("PATH", System.getenv("PATH"));
            boolean denied = false;
            for (String folder : (path == null ? "/usr/local/bin:/usr/bin:/bin" : path).split(":", -1)) {
                Optional<String> problem = problem((folder.isEmpty() ? here : Path.of(folder)).resolve(program));
                if (problem.isEmpty()) {
                    return problem;
                }
                denied |= problem.get().equals("Permission denied");
            }
            return Optional.of(denied ? "Permission denied" : "No such file or directory");
        } catch (InvalidPathException unusual) {
            return Optional.empty();
        }
    }

    private static Optional<String> problem(Path file) {
        if (!Files.exists(file)) {
            return Optional.of("No such file or directory");
        }
        return Files.isRegularFile(file) && Files.isExecutable(file) ? Optional.empty() : Optional.of("Permission denied");
    }

    /** "No such file or directory" rather than "Cannot run program "foo": error=2, No such file or directory". */
    private static String reason(Exception failed) {
        Throwable cause = failed.getCause() != null && failed.getCause().getMessage() != null ? failed.getCause() : failed;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.replaceFirst("^error=\\d+,\\s*", "");
    }
}
