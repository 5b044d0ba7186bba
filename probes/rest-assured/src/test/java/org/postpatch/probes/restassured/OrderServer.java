package org.postpatch.probes.restassured;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small orders API on a JDK {@code HttpServer} on loopback, which remembers every request and the
 * client port it came from, so tests can count connections.
 * <ul>
 *   <li>{@code GET /health}: 200 {@code {"status":"UP"}}</li>
 *   <li>{@code POST /api/orders}: 201 with a new id</li>
 *   <li>{@code GET /broken}: 500, echoing the {@code X-Api-Key} header and setting a session cookie</li>
 * </ul>
 */
final class OrderServer implements AutoCloseable {

    /** One request as the server saw it. */
    record Seen(String method, String path, int clientPort, String body) {
    }

    static final String SESSION_COOKIE = "Session-Canary-5e1b";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

    OrderServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/health", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
        server.createContext("/api/orders", exchange -> answer(exchange, 201, "{\"id\":\"" + UUID.randomUUID() + "\"}"));
        server.createContext("/broken", exchange -> {
            exchange.getResponseHeaders().add("Set-Cookie", "session=" + SESSION_COOKIE + "; HttpOnly");
            String key = String.valueOf(exchange.getRequestHeaders().getFirst("X-Api-Key"));
            answer(exchange, 500, "{\"error\":\"boom\",\"apiKey\":\"" + key + "\"}");
        });
        server.setExecutor(threads);
        server.start();
    }

    String baseUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** How many connections clients opened, counted by their distinct source ports. */
    int connections() {
        return clientPorts.size();
    }

    private void answer(HttpExchange exchange, int status, String json) throws IOException {
        record(exchange);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void record(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int port = exchange.getRemoteAddress().getPort();
        clientPorts.add(port);
        seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), port, body));
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
