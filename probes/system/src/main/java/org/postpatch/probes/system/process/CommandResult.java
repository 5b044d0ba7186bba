package org.postpatch.probes.system.process;

import java.time.Duration;

/**
 * A process that ran to its end.
 *
 * @param outputClosed false when, shortly after the process ended, its output was still held open by
 *                     a process it left running in the background; the output is then what was
 *                     written until then. (The JDK often closes the pipe itself when the process
 *                     exits, so true does not prove that nothing was left running.)
 */
public record CommandResult(int exitCode, CapturedOutput stdout, CapturedOutput stderr, Duration duration,
                            boolean outputClosed) {
}
