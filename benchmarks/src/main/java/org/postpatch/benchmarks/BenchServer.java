package org.postpatch.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server both sides of every benchmark talk to: a JDK {@link HttpServer} on loopback with
 * {@code nodelay} and a fixed pool of 8 threads, answering any path with a small JSON body
 * {@code {"status":"UP","id":N}}.
 */
public final class BenchServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final AtomicLong served = new AtomicLong();

    public BenchServer(int port) throws IOException {
        // Read by the JDK server when its first instance is created: without it, answers on
        // kept-alive connections wait ~40ms for Nagle's algorithm.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            byte[] body = ("{\"status\":\"UP\",\"id\":" + served.incrementAndGet() + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** The base URL, such as {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public long served() {
        return served.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Runs the server alone until killed: {@code BenchServer [port]}. */
    public static void main(String[] args) throws IOException {
        BenchServer server = new BenchServer(args.length > 0 ? Integer.parseInt(args[0]) : 0);
        System.out.println(server.url());
    }
}
