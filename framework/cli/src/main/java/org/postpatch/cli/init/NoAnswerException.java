package org.postpatch.cli.init;

/** The application gave no HTTP answer at all: refused, unknown host, TLS failure, or too slow. */
public final class NoAnswerException extends Exception {

    private static final long serialVersionUID = 1L;

    public NoAnswerException(String message) {
        super(message);
    }
}
