package org.postpatch.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A small real HTTP application on a free loopback port, for {@code postpatch init}: each path answers
 * what the test says (exact paths only; anything else is a 404), or never answers at all.
 */
final class LoopbackApplication implements AutoCloseable {

    private record Route(int status, String contentType, byte[] body, boolean hangs) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private LoopbackApplication() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    static LoopbackApplication start() throws IOException {
        return new LoopbackApplication();
    }

    /** {@code path} answers {@code status} with this JSON. */
    LoopbackApplication json(String path, int status, String json) {
        return answer(path, status, "application/json", json);
    }

    LoopbackApplication answer(String path, int status, String contentType, String body) {
        routes.put(path, new Route(status, contentType, body.getBytes(StandardCharsets.UTF_8), false));
        return this;
    }

    /** {@code path} accepts the request and never answers (until the application is closed). */
    LoopbackApplication hang(String path) {
        routes.put(path, new Route(0, "", new byte[0], true));
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Route route = routes.get(exchange.getRequestURI().getPath());
        if (route != null && route.hangs()) {
            try {
                closed.await(60, TimeUnit.SECONDS); // the server's own silence, not a test waiting
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        if (route == null) {
            route = new Route(404, "application/json", "{\"error\":\"no such resource\"}".getBytes(StandardCharsets.UTF_8), false);
        }
        exchange.getResponseHeaders().set("Content-Type", route.contentType());
        exchange.sendResponseHeaders(route.status(), route.body().length == 0 ? -1 : route.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(route.body());
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
