package org.postpatch.endpoint;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postpatch.server.JdkServerMount;
import org.postpatch.server.ServerSettings;
import org.postpatch.server.WebServer;

/**
 * The {@code /selftest} endpoint, on its own small server so that it answers even when the
 * application's own worker threads are all busy, and when clients stall:
 * <ul>
 *   <li>{@code GET /selftest}: the last verdict, its age and fingerprint; 200 for PASS/WARN, 503 for
 *       FAIL or never run. Details (probe names, results) only with a valid token;</li>
 *   <li>{@code GET /selftest/runs/latest}, {@code GET /selftest/runs/{id}}: the full JSON report (token);</li>
 *   <li>{@code POST /selftest/runs}: start a run or join the one in progress (token);
 *       {@code ?wait=30s} waits for it;</li>
 *   <li>{@code GET /selftest/metrics}: Prometheus text (per-probe series with a token);</li>
 *   <li>{@code GET /selftest/report}: the HTML report (token);</li>
 *   <li>{@code GET /selftest/fingerprint}: what this process runs on now (token), for
 *       {@code postpatch verify --fingerprint-url};</li>
 *   <li>{@code GET /selftest/live}: always 200 while the process serves; {@code GET /selftest/ready}:
 *       503 for a failed self-test only when configured.</li>
 * </ul>
 * Every answer is computed from what is known now; nothing waits for a run in progress.
 *
 * <p>{@link #start} serves it on a {@link WebServer}: one selector thread reads requests without
 * blocking, within a 10 s request-read deadline and size limits ({@link ServerSettings#defaults}),
 * and four handler threads answer complete requests — so connections that send a byte and stall, or
 * trickle a request, cannot silence it for others (the JDK's built-in server reads on its handler
 * threads with no deadline: four stalled connections used to block it for minutes). {@link #mount}
 * adds it to the application's own JDK server instead; that server's threads and reading apply
 * there, and so do its weaknesses.
 */
public final class StatusEndpoint implements AutoCloseable {

    /** The default base path. */
    public static final String BASE_PATH = "/selftest";

    /** The port of {@code postpatch serve} and of a Spring Boot application's endpoint unless told otherwise. */
    public static final int DEFAULT_PORT = 9091;

    /** The endpoint's own server: deadlines and limits as in {@link ServerSettings#defaults}. */
    static final ServerSettings SETTINGS = ServerSettings.defaults("postpatch-endpoint");

    private final WebServer ownServer;
    private final HttpServer hostServer;
    private final HttpContext context;
    private final AtomicBoolean closed = new AtomicBoolean();

    private StatusEndpoint(WebServer ownServer, HttpServer hostServer, HttpContext context) {
        this.ownServer = ownServer;
        this.hostServer = hostServer;
        this.context = context;
    }

    /**
     * Serves the endpoint on its own server and threads.
     *
     * @param address where to listen, such as {@code new InetSocketAddress(9091)}; port 0 picks a free one
     */
    public static StatusEndpoint start(InetSocketAddress address, String basePath, StatusSource source, Access access)
            throws IOException {
        return new StatusEndpoint(WebServer.start(address, SETTINGS, StatusRoutes.of(basePath, source, access)), null, null);
    }

    /**
     * Adds the endpoint to a JDK server the application already runs. It then shares that server's
     * threads and its way of reading requests: use {@link #start} when the endpoint must answer while
     * the application is saturated or clients stall.
     */
    public static StatusEndpoint mount(HttpServer server, String basePath, StatusSource source, Access access) {
        HttpContext context = JdkServerMount.mount(server, basePath, StatusRoutes.of(basePath, source, access),
                SETTINGS.maxBodyBytes());
        return new StatusEndpoint(null, server, context);
    }

    /** The port the endpoint listens on. */
    public int port() {
        return ownServer != null ? ownServer.port() : hostServer.getAddress().getPort();
    }

    /** Stops the endpoint's own server, or removes the endpoint from the application's; once. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        if (ownServer != null) {
            ownServer.close();
        } else {
            hostServer.removeContext(context);
        }
    }
}
