package org.postpatch.probes.system.process;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.postpatch.api.ProbeContext;
import org.postpatch.config.Durations;

/**
 * Runs one process for one attempt of a probe, in a session of its own where the system allows it.
 * The process is killed with all its descendants and everything left in its session when the
 * attempt is abandoned (postpatch runs the {@link ProbeContext#onCancel cancel action}), when the
 * waiting thread is interrupted, and when the attempt's time is up.
 */
public final class ProcessRunner {

    /** How much of each output stream is kept: enough for any check, never enough to hurt. */
    public static final int MAX_OUTPUT_BYTES = 1024 * 1024;

    /**
     * How long to wait past the attempt's own timeout before giving up on the process here; postpatch
     * normally abandons the attempt first, with its own message.
     */
    private static final Duration LATE = Duration.ofSeconds(1);

    /** How long output may stay open after the process ended (a background child may hold the pipe). */
    private static final Duration OUTPUT_GRACE = Duration.ofSeconds(2);

    /** How long the readers get to catch up when a process left running is known to hold the output. */
    private static final Duration HELD_OPEN_GRACE = Duration.ofMillis(200);

    /** How long a process left running must keep holding the output to count as holding it. */
    private static final Duration HELD_OPEN_SETTLE = Duration.ofMillis(300);

    private ProcessRunner() {
    }

    /**
     * Starts the process, waits for its end within the attempt's time and returns its exit code and
     * output.
     *
     * @throws CannotStartException when the process cannot be started
     * @throws TimeoutException     when it outlived the attempt (it has been killed)
     * @throws InterruptedException when the attempt was abandoned (it has been killed)
     */
    public static CommandResult run(CommandLine line, ProbeContext context)
            throws IOException, InterruptedException, TimeoutException {
        if (line.directory().isPresent() && !Files.isDirectory(line.directory().get())) {
            throw new CannotStartException("cannot run '" + line.program() + "': working directory "
                    + line.directory().get() + " does not exist", null);
        }
        StartedCommand command = StartedCommand.start(line);
        Process process = command.process();
        long startNanos = System.nanoTime();
        boolean ended = false;
        context.onCancel(command::destroy);
        try {
            process.getOutputStream().close();
            Charset charset = nativeCharset();
            OutputCollector stdout = OutputCollector.start(process.getInputStream(), "stdout", MAX_OUTPUT_BYTES, charset);
            OutputCollector stderr = OutputCollector.start(process.getErrorStream(), "stderr", MAX_OUTPUT_BYTES, charset);
            ended = process.waitFor(context.remaining().plus(LATE).toNanos(), TimeUnit.NANOSECONDS);
            if (!ended) {
                throw new TimeoutException("timed out after " + Durations.format(context.timeout()));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
            command.ended();
            // Asked of the session: the JDK may close its end of the pipes when the process exits,
            // so the readers seeing the end does not prove that nothing else holds them.
            Optional<Boolean> heldOpen = command.outputHeldOpen(HELD_OPEN_SETTLE);
            // Held open, the pipes will not close: wait only for what the command wrote to be read.
            Duration wait = heldOpen.orElse(false) ? HELD_OPEN_GRACE : OUTPUT_GRACE;
            Duration grace = context.remaining().compareTo(wait) < 0 ? context.remaining() : wait;
            boolean closed = stdout.awaitClosed(grace);
            closed = stderr.awaitClosed(closed ? grace : Duration.ZERO) && closed;
            CommandResult result = new CommandResult(process.exitValue(), stdout.output(), stderr.output(), took,
                    closed && !heldOpen.orElse(false));
            Optional<String> notStarted = command.startFailure(result.exitCode(), result.stderr());
            if (notStarted.isPresent()) {
                throw new CannotStartException("cannot run '" + line.program() + "': " + notStarted.get(), null);
            }
            return result;
        } finally {
            if (!ended) {
                command.destroy();
            }
        }
    }

    private static Charset nativeCharset() {
        try {
            return Charset.forName(System.getProperty("native.encoding", "UTF-8"));
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }
}
