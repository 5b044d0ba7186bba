package org.postpatch.cli;

/** An option or argument the user must fix: exit code 2, with the message. */
final class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean reported;

    BadInputException(String message) {
        this(message, false);
    }

    private BadInputException(String message, boolean reported) {
        super(message);
        this.reported = reported;
    }

    /** Bad input whose problems the command has already printed, each in full: exit code 2, nothing more said. */
    static BadInputException alreadyReported(String what) {
        return new BadInputException(what, true);
    }

    /** Whether the problems were already printed. */
    boolean reported() {
        return reported;
    }
}
