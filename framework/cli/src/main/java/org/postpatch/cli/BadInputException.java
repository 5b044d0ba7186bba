package org.postpatch.cli;

/** An option or argument the user must fix: exit code 2, with the message. */
final class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadInputException(String message) {
        super(message);
    }
}
