package org.postpatch.probes.system.process;

import java.time.Duration;

/**
 * A process that ran to its end.
 *
 * @param outputClosed false when, as the process ended, a process it left running in the background
 *                     still held its stdout or stderr open; the output is then what was written
 *                     until then. Found through the command's session on Linux; elsewhere only
 *                     when the pipe stayed open a moment after the process ended.
 */
public record CommandResult(int exitCode, CapturedOutput stdout, CapturedOutput stderr, Duration duration,
                            boolean outputClosed) {
}
