package org.postpatch.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A handler that picks the handler for a request by method and path. A path pattern is literal
 * segments and {@code {name}} segments (one non-empty segment each, read with
 * {@link Request#pathParameter}); the first route declared that matches wins. A trailing slash is
 * ignored. A {@code GET} route answers {@code HEAD} too (the server sends no body). No route for the
 * path: 404; a route for the path but not the method: 405 with {@code Allow}. Immutable once built.
 *
 * <pre>{@code
 * Routes routes = Routes.builder()
 *         .get("/api/fleet", request -> Response.of(200, "application/json", fleetJson()))
 *         .get("/runs/{id}", request -> report(request.pathParameter("id").orElseThrow()))
 *         .build();
 * }</pre>
 */
public final class Routes implements Handler {

    /** Renders the answers the routes give themselves (404, 405), in the format the application speaks. */
    @FunctionalInterface
    public interface ErrorRenderer {
        Response render(int status, String message);
    }

    private record Route(String method, List<String> segments, Handler handler) {
    }

    private final List<Route> routes;
    private final ErrorRenderer errors;

    private Routes(List<Route> routes, ErrorRenderer errors) {
        this.routes = List.copyOf(routes);
        this.errors = errors;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Response handle(Request request) throws Exception {
        List<String> path = segments(request.path());
        String method = request.method().equals("HEAD") ? "GET" : request.method();
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Map<String, String> parameters = match(route.segments(), path);
            if (parameters == null) {
                continue;
            }
            if (route.method().equals(method)) {
                return route.handler().handle(request.withPathParameters(parameters));
            }
            allowed.add(route.method());
            if (route.method().equals("GET")) {
                allowed.add("HEAD");
            }
        }
        if (allowed.isEmpty()) {
            return errors.render(404, "no such resource: " + request.path());
        }
        String allow = String.join(", ", allowed);
        return errors.render(405, request.method() + " is not allowed here; use " + allow).withHeader("Allow", allow);
    }

    private static Map<String, String> match(List<String> pattern, List<String> path) {
        if (pattern.size() != path.size()) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String expected = pattern.get(i);
            String actual = path.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                if (actual.isEmpty()) {
                    return null;
                }
                parameters.put(expected.substring(1, expected.length() - 1), actual);
            } else if (!expected.equals(actual)) {
                return null;
            }
        }
        return parameters;
    }

    /** {@code /a/b/} and {@code /a/b} are both {@code [a, b]}; {@code //} keeps its empty segment, matching nothing. */
    private static List<String> segments(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (trimmed.equals("/")) {
            return List.of();
        }
        return List.of(trimmed.substring(1).split("/", -1));
    }

    /** Collects routes; {@link #build()} makes the immutable {@link Routes}. */
    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();
        private ErrorRenderer errors = (status, message) -> Response.text(status, message + "\n");

        private Builder() {
        }

        /** Answers {@code GET} (and {@code HEAD}) on this path pattern. */
        public Builder get(String pattern, Handler handler) {
            return route("GET", pattern, handler);
        }

        /** Answers {@code POST} on this path pattern. */
        public Builder post(String pattern, Handler handler) {
            return route("POST", pattern, handler);
        }

        /** Answers this method on this path pattern, such as {@code /runs/{id}}. */
        public Builder route(String method, String pattern, Handler handler) {
            if (!Tokens.isToken(method)) {
                throw new IllegalArgumentException("method must be a token like GET, was '" + method + "'");
            }
            if (!pattern.startsWith("/")) {
                throw new IllegalArgumentException("a path pattern starts with /, was '" + pattern + "'");
            }
            routes.add(new Route(method, segments(pattern), Objects.requireNonNull(handler, "handler")));
            return this;
        }

        /** How 404 and 405 answers look (default: plain text). */
        public Builder errors(ErrorRenderer renderer) {
            this.errors = Objects.requireNonNull(renderer, "renderer");
            return this;
        }

        public Routes build() {
            return new Routes(routes, errors);
        }
    }
}
