package org.postpatch.fleet.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves a {@link DashboardHandler} on the JDK's built-in HTTP server: the only class that knows
 * which server runs the dashboard, so that another one can take its place.
 */
public final class JdkDashboardServer implements AutoCloseable {

    /** A form's body is a token; anything longer is refused rather than read. */
    private static final int MAX_BODY = 16 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;

    private JdkDashboardServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving; port 0 picks a free one. */
    public static JdkDashboardServer start(InetSocketAddress address, DashboardHandler handler) throws IOException {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            // Without it the JDK server delays answers on kept-alive connections by ~40 ms.
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer server = HttpServer.create(address, 64);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "postpatch-dashboard-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(exchange, handler));
        server.start();
        return new JdkDashboardServer(server, executor);
    }

    private static void serve(HttpExchange exchange, DashboardHandler handler) {
        try (exchange) {
            byte[] body = readBody(exchange.getRequestBody());
            DashboardResponse response = body == null ? DashboardResponse.error(413, "the request body is too large")
                    : handler.handle(DashboardRequest.of(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body));
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            boolean empty = exchange.getRequestMethod().equals("HEAD") || response.body().length == 0;
            exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } catch (IOException | RuntimeException clientGone) {
            // The client went away; there is no one to answer.
        }
    }

    /** The body, or null when it is longer than a dashboard request can be. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
