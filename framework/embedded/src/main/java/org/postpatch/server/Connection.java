package org.postpatch.server;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One client connection's state, owned by the server's selector thread: what it is doing, until when
 * it may, and what is left to write. Handler threads never touch it; they hand answers to the
 * selector thread.
 */
final class Connection {

    /** What a connection is doing; only {@link #READING} connections have a request deadline. */
    enum State {
        /** Waiting for (the rest of) a request: idle, or part of one received. */
        READING,
        /** A complete request is with a handler; nothing is read meanwhile. */
        HANDLING,
        /** Writing an answer. */
        WRITING,
        /** Answered and half-closed; draining what the client still sends, briefly, so the answer is not reset. */
        CLOSING,
        CLOSED
    }

    /** What follows a write. */
    enum AfterWrite {
        /** Read the next request on this connection (keep-alive). */
        NEXT_REQUEST,
        /** Go on reading the same request (after {@code 100 Continue}). */
        GO_ON_READING,
        /** Close the connection. */
        CLOSE
    }

    final SocketChannel channel;
    final SelectionKey key;
    final RequestReader reader;
    State state = State.READING;
    /** System.nanoTime() by which the current state must end. */
    long deadline;
    /** Since when this connection has waited for its next request: the oldest is dropped first at the limit. */
    long waitingSince;
    ByteBuffer output;
    AfterWrite afterWrite;

    Connection(SocketChannel channel, SelectionKey key, ServerSettings settings, long now) {
        this.channel = channel;
        this.key = key;
        this.reader = new RequestReader(settings);
        this.deadline = now + settings.requestReadTimeout().toNanos();
        this.waitingSince = now;
    }

    boolean expired(long now) {
        return state != State.HANDLING && now - deadline >= 0;
    }
}
