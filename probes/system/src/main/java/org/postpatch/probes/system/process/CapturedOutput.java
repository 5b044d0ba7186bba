package org.postpatch.probes.system.process;

/**
 * What a process wrote to one stream, kept up to a limit.
 *
 * @param text      the kept output, decoded
 * @param bytes     how many bytes the process wrote in all
 * @param truncated true when more was written than was kept
 */
public record CapturedOutput(String text, long bytes, boolean truncated) {
}
