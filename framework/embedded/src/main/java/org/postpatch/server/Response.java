package org.postpatch.server;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What a handler answers: a status, header fields and a body — or the promise of one
 * ({@link #later}). Immutable; made by the factories. The server adds {@code Content-Length},
 * {@code Date} and {@code Connection}, and leaves the body out for {@code HEAD}.
 */
public final class Response {

    private final int status;
    private final Headers headers;
    private final byte[] body;
    private final CompletionStage<Response> later;

    private Response(int status, Headers headers, byte[] body, CompletionStage<Response> later) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.later = later;
    }

    /** This status with this body of this content type, such as {@code application/json}. */
    public static Response of(int status, String contentType, byte[] body) {
        requireFinalStatus(status);
        return new Response(status, Headers.empty().with("Content-Type", contentType), body.clone(), null);
    }

    /** This status with a plain-text body. */
    public static Response text(int status, String text) {
        return of(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** This status and no body. */
    public static Response empty(int status) {
        requireFinalStatus(status);
        return new Response(status, Headers.empty(), new byte[0], null);
    }

    /**
     * The answer when this completes — from whichever thread completes it. No thread waits for it
     * meanwhile; the connection just stays open, with no deadline: bound the stage yourself
     * ({@code orTimeout}). A stage that fails is answered with 500.
     */
    public static Response later(CompletionStage<Response> answer) {
        return new Response(0, Headers.empty(), new byte[0], Objects.requireNonNull(answer, "answer"));
    }

    /** This response with the header field set to this value (replacing any). */
    public Response withHeader(String name, String value) {
        if (later != null) {
            throw new IllegalStateException("set headers on the response the stage completes with, not on later(...)");
        }
        return new Response(status, headers.with(name, value), body, null);
    }

    public int status() {
        return status;
    }

    public Headers headers() {
        return headers;
    }

    /** A copy of the body. */
    public byte[] body() {
        return body.clone();
    }

    /** The stage this response waits for, when it was made by {@link #later}. */
    public Optional<CompletionStage<Response>> deferred() {
        return Optional.ofNullable(later);
    }

    byte[] bodyBytes() {
        return body;
    }

    private static void requireFinalStatus(int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status must be between 200 and 599, was " + status);
        }
    }
}
