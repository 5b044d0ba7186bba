package org.postpatch.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP service in two versions, for verify tests. From version 1 to version 2:
 * {@code /api/orders} breaks (200 → 500), {@code /api/report} is fixed (500 → 200),
 * {@code /api/legacy} stays broken (404), {@code /api/search} gets slower (instant → 800 ms),
 * and {@code /api/export} is new.
 */
final class OrdersServer implements AutoCloseable {

    private final HttpServer server;

    private OrdersServer(HttpServer server) {
        this.server = server;
    }

    static OrdersServer start(int version, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/health", exchange -> send(exchange, 200, "{\"status\":\"UP\",\"version\":" + version + "}"));
        server.createContext("/api/orders", exchange -> send(exchange, version == 1 ? 200 : 500,
                version == 1 ? "[{\"id\":\"o-1\"}]" : "{\"error\":\"column sku not found\"}"));
        server.createContext("/api/report", exchange -> send(exchange, version == 1 ? 500 : 200, "{\"rows\":3}"));
        server.createContext("/api/legacy", exchange -> send(exchange, 404, "{\"error\":\"gone\"}"));
        server.createContext("/api/search", exchange -> {
            if (version == 2) {
                try {
                    TimeUnit.MILLISECONDS.sleep(800); // the service's own new latency, not a test waiting
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            send(exchange, 200, "{\"hits\":[]}");
        });
        server.createContext("/api/export", exchange -> send(exchange, version == 1 ? 404 : 200, "{\"url\":\"/x\"}"));
        server.start();
        return new OrdersServer(server);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
