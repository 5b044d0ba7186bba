package org.postpatch.cli;

import java.io.PrintStream;
import org.postpatch.secret.Redactor;

/**
 * Where a command writes: results to {@code out}, problems to {@code err}, both through the one
 * redactor of the process, so that no secret reaches the terminal.
 */
public record Output(PrintStream out, PrintStream err, Redactor redactor, boolean colour) {

    /** Prints a problem to stderr, prefixed like every postpatch error. */
    public void error(String message) {
        err.println("postpatch: " + redactor.redact(message));
        err.flush();
    }

    public void info(String message) {
        out.println(redactor.redact(message));
        out.flush();
    }
}
