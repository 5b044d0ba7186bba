package org.postpatch.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP service whose every answer carries a fresh timestamp and request id, as real APIs'
 * do. In version 2 its orders call the field {@code sku} {@code product}: nothing breaks a status
 * check, every client reading {@code sku} breaks. {@code /api/echo} answers the request's
 * {@code Authorization} and {@code X-Key} headers back, as the worst servers do: the key also
 * JSON-escaped, URL-encoded in a query and Base64-encoded in a Basic credential.
 */
public final class RenamingServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final AtomicInteger version = new AtomicInteger(1);
    private final AtomicInteger requests = new AtomicInteger();

    private RenamingServer(HttpServer server) {
        this.server = server;
    }

    public static RenamingServer start() throws IOException {
        RenamingServer started = new RenamingServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50));
        started.server.setExecutor(started.executor);
        started.server.createContext("/health", exchange -> started.send(exchange, "{\"status\":\"UP\"}"));
        started.server.createContext("/api/orders", exchange -> started.send(exchange, """
                {"generatedAt":"%s","requestId":"%s","items":[{"%s":"A-1","qty":1}],"total":12.5}
                """.formatted(Instant.now(), UUID.randomUUID(), started.version.get() == 1 ? "sku" : "product")));
        started.server.createContext("/api/echo", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String key = exchange.getRequestHeaders().getFirst("X-Key");
            exchange.getResponseHeaders().set("X-Echo", key);
            // The key also JSON-escaped, character by character: a client reads the same text.
            StringBuilder escaped = new StringBuilder();
            key.chars().forEach(c -> escaped.append(String.format("\\u%04x", c)));
            started.send(exchange, """
                    {"authorization":"%s","note":"your key is %s","keys":["%s"],"%s":true,"password":"%s","escaped":"%s",\
                    "query":"?key=%s","basic":"%s","marker":"stored-marker-51d2"}
                    """.formatted(authorization, key, key, key, key, escaped,
                    java.net.URLEncoder.encode(key, StandardCharsets.UTF_8),
                    java.util.Base64.getEncoder().encodeToString(("app:" + key).getBytes(StandardCharsets.UTF_8))));
        });
        started.server.start();
        return started;
    }

    /** From now on, answers as version {@code number}. */
    public void version(int number) {
        version.set(number);
    }

    /** The base URL, such as {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many requests it answered. */
    public int requests() {
        return requests.get();
    }

    private void send(HttpExchange exchange, String json) throws IOException {
        requests.incrementAndGet();
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
