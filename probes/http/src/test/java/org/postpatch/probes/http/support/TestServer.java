package org.postpatch.probes.http.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A JDK {@link HttpServer} on loopback (an ephemeral port) that answers with canned responses and
 * records every request it receives. The JVM must run with {@code -Dsun.net.httpserver.nodelay=true}
 * (set by the build) or answers on kept-alive connections are delayed.
 */
public final class TestServer implements AutoCloseable {

    /** A request as the server saw it. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers, String body,
                           int clientPort) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(", ", e.getValue())).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private TestServer(HttpServer server) {
        this.server = server;
        server.setExecutor(executor);
        server.start();
    }

    /** A plain http server. */
    public static TestServer http() {
        try {
            return new TestServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An https server presenting the certificate in {@code tls}. */
    public static TestServer https(SSLContext tls) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            return new TestServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers requests under {@code path} with the handler; the request is recorded first. */
    public TestServer on(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()),
                    new String(body, StandardCharsets.UTF_8), exchange.getRemoteAddress().getPort()));
            try {
                handler.handle(exchange);
            } finally {
                exchange.close();
            }
        });
        return this;
    }

    /** Answers requests under {@code path} with a fixed status, content type and body. */
    public TestServer on(String path, int status, String contentType, String body) {
        return on(path, exchange -> respond(exchange, status, contentType, body));
    }

    /** Answers with JSON. */
    public TestServer json(String path, int status, String json) {
        return on(path, status, "application/json", json);
    }

    public static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL, such as {@code http://127.0.0.1:41234}. */
    public String url() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + port();
    }

    /** The base URL by the name {@code localhost}: the same server, but another host name. */
    public String urlByName() {
        return (server instanceof HttpsServer ? "https" : "http") + "://localhost:" + port();
    }

    /** How many connections the requests came over (distinct client ports). */
    public int connections() {
        return (int) received.stream().map(Received::clientPort).distinct().count();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The last request received under a path. */
    public Received last(String path) {
        for (int i = received.size() - 1; i >= 0; i--) {
            if (received.get(i).path().startsWith(path)) {
                return received.get(i);
            }
        }
        throw new AssertionError("no request to " + path + " reached the server; received: " + received);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
