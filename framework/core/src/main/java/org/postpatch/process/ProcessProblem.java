package org.postpatch.process;

/**
 * A process that cannot be fingerprinted: not running, not a JVM, nobody on the port, or its
 * {@code /proc} entries not readable by this user. The message says which, and what to do.
 */
public final class ProcessProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProcessProblem(String message) {
        super(message);
    }
}
