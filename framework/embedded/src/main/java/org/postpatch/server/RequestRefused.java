package org.postpatch.server;

/** A request the server will not hand to a handler: the status to answer and why, for the client. */
final class RequestRefused extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    RequestRefused(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
