package org.postpatch.server;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A complete request as a handler sees it: read to its end within the server's deadline and limits,
 * its path already decoded and checked (see {@link #of}). Immutable.
 */
public final class Request {

    private final String method;
    private final RequestTarget target;
    private final Headers headers;
    private final byte[] body;
    private final Map<String, String> pathParameters;

    private Request(String method, RequestTarget target, Headers headers, byte[] body, Map<String, String> pathParameters) {
        this.method = method;
        this.target = target;
        this.headers = headers;
        this.body = body;
        this.pathParameters = Map.copyOf(pathParameters);
    }

    /**
     * A request for this target ({@code /path?query}); refused (400) when its path encodes a slash,
     * a backslash or a control character, has a dot segment or a bad escape.
     */
    static Request of(String method, String target, Headers headers, byte[] body) throws RequestRefused {
        return of(method, RequestTarget.parse(target), headers, body);
    }

    static Request of(String method, RequestTarget target, Headers headers, byte[] body) {
        return new Request(Objects.requireNonNull(method, "method"), target, Objects.requireNonNull(headers, "headers"),
                body.clone(), Map.of());
    }

    /** The method, such as {@code GET}, as sent (methods are case-sensitive). */
    public String method() {
        return method;
    }

    /** The decoded path, such as {@code /selftest/runs/latest}. */
    public String path() {
        return target.path();
    }

    /** The query as sent (still encoded), or empty. */
    public String rawQuery() {
        return target.rawQuery();
    }

    /** The first value of this query parameter, decoded, if present. */
    public Optional<String> query(String name) {
        return Optional.ofNullable(target.queryParameter(name));
    }

    /** The first value of this header field, if present. */
    public Optional<String> header(String name) {
        return headers.first(name);
    }

    public Headers headers() {
        return headers;
    }

    /** The body (empty for none), at most the server's body limit. */
    public byte[] body() {
        return body.clone();
    }

    /** The value of a {@code {name}} segment of the route that matched, if it has one. */
    public Optional<String> pathParameter(String name) {
        return Optional.ofNullable(pathParameters.get(name));
    }

    Request withPathParameters(Map<String, String> parameters) {
        return new Request(method, target, headers, body, parameters);
    }

    /** The method and path, for logs; never the query, which may carry what must not be logged. */
    @Override
    public String toString() {
        return method + " " + target.path();
    }
}
