package org.postpatch.server;

/**
 * Answers one complete request. Runs on the server's small handler pool, so it must not block:
 * it answers from what is known now, or returns {@link Response#later} to answer when something
 * finishes, without holding a thread meanwhile. An exception becomes a 500 answer; it never reaches
 * the server.
 */
@FunctionalInterface
public interface Handler {

    /** The answer to this request. */
    Response handle(Request request) throws Exception;
}
