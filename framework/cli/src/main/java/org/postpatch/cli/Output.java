package org.postpatch.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.postpatch.ledger.Ledgers;
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

    /**
     * With {@code POSTPATCH_DEBUG} set, prints the stack trace of a failure that was already reported
     * in one line, for a bug report; otherwise nothing.
     */
    public void trace(Throwable failure) {
        if (System.getenv(Ledgers.DEBUG) != null) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            err.print(redactor.redact(trace.toString()));
            err.flush();
        }
    }

    public void info(String message) {
        out.println(redactor.redact(message));
        out.flush();
    }
}
