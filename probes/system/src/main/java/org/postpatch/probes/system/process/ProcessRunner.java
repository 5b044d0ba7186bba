package org.postpatch.probes.system.process;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.postpatch.api.ProbeContext;
import org.postpatch.config.Durations;

/**
 * Runs one process for one attempt of a probe. The process is killed with all its descendants when
 * the attempt is abandoned (postpatch runs the {@link ProbeContext#onCancel cancel action}), when
 * the waiting thread is interrupted, and when the attempt's time is up.
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
        Process process = start(line);
        long startNanos = System.nanoTime();
        boolean ended = false;
        context.onCancel(() -> ProcessTree.destroy(process));
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
            Duration grace = context.remaining().compareTo(OUTPUT_GRACE) < 0 ? context.remaining() : OUTPUT_GRACE;
            boolean closed = stdout.awaitClosed(grace);
            closed = stderr.awaitClosed(closed ? grace : Duration.ZERO) && closed;
            return new CommandResult(process.exitValue(), stdout.output(), stderr.output(), took, closed);
        } finally {
            if (!ended) {
                ProcessTree.destroy(process);
            }
        }
    }

    private static Process start(CommandLine line) throws CannotStartException {
        ProcessBuilder builder = new ProcessBuilder(line.argv());
        builder.environment().putAll(line.environment());
        if (line.directory().isPresent()) {
            Path directory = line.directory().get();
            if (!Files.isDirectory(directory)) {
                throw new CannotStartException("cannot run '" + line.program() + "': working directory " + directory
                        + " does not exist", null);
            }
            builder.directory(directory.toFile());
        }
        try {
            return builder.start();
        } catch (IOException | RuntimeException failed) {
            throw new CannotStartException("cannot run '" + line.program() + "': " + reason(failed), failed);
        }
    }

    /** "No such file or directory" rather than "Cannot run program "foo": error=2, No such file or directory". */
    private static String reason(Exception failed) {
        Throwable cause = failed.getCause() != null && failed.getCause().getMessage() != null ? failed.getCause() : failed;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.replaceFirst("^error=\\d+,\\s*", "");
    }

    private static Charset nativeCharset() {
        try {
            return Charset.forName(System.getProperty("native.encoding", "UTF-8"));
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }
}
