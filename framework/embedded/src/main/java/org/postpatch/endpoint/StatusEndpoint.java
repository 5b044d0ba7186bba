package org.postpatch.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.postpatch.config.Durations;
import org.postpatch.report.HtmlReport;
import org.postpatch.report.JsonReport;
import org.postpatch.secret.Redactor;
import org.postpatch.report.PrometheusReport;

/**
 * The {@code /selftest} endpoint on the JDK's built-in HTTP server, on its own small thread pool so
 * that it answers even when the application's own worker threads are all busy:
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
 */
public final class StatusEndpoint implements AutoCloseable {

    /** The default base path. */
    public static final String BASE_PATH = "/selftest";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private final HttpServer server;
    private final HttpContext context;
    private final ExecutorService executor;
    private final boolean ownsServer;

    private StatusEndpoint(HttpServer server, HttpContext context, ExecutorService executor, boolean ownsServer) {
        this.server = server;
        this.context = context;
        this.executor = executor;
        this.ownsServer = ownsServer;
    }

    /**
     * Serves the endpoint on its own server and thread pool.
     *
     * @param address where to listen, such as {@code new InetSocketAddress(9091)}; port 0 picks a free one
     */
    public static StatusEndpoint start(InetSocketAddress address, String basePath, StatusSource source, Access access)
            throws IOException {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            // Without it the JDK server delays answers on kept-alive connections by ~40 ms.
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer server = HttpServer.create(address, 64);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "postpatch-endpoint-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        HttpContext context = server.createContext(basePath, new Handler(basePath, source, access));
        server.start();
        return new StatusEndpoint(server, context, executor, true);
    }

    /**
     * Adds the endpoint to a server the application already runs (it then shares that server's
     * threads: use {@link #start} when the endpoint must answer while the application is saturated).
     */
    public static StatusEndpoint mount(HttpServer server, String basePath, StatusSource source, Access access) {
        HttpContext context = server.createContext(basePath, new Handler(basePath, source, access));
        return new StatusEndpoint(server, context, null, false);
    }

    /** The port the endpoint listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        if (ownsServer) {
            server.stop(0);
            executor.shutdownNow();
        } else {
            server.removeContext(context);
        }
    }

    /** Routes one request; never throws into the server. */
    private static final class Handler implements com.sun.net.httpserver.HttpHandler {
        private final String basePath;
        private final StatusSource source;
        private final Access access;

        Handler(String basePath, StatusSource source, Access access) {
            this.basePath = basePath;
            this.source = source;
            this.access = access;
        }

        @Override
        public void handle(HttpExchange exchange) throws IOException {
            boolean answersLater = false;
            try {
                answersLater = route(exchange);
            } catch (IOException | RuntimeException e) {
                // The client went away or a response could not be written; nothing to answer.
            } finally {
                if (!answersLater) {
                    exchange.close();
                }
            }
        }

        /** Answers the request; true when the answer comes later (a run's end), from another thread. */
        private boolean route(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath().substring(basePath.length());
            if (path.endsWith("/") && path.length() > 1) {
                path = path.substring(0, path.length() - 1);
            }
            String method = exchange.getRequestMethod();
            Access.Level level = access.check(exchange.getRequestHeaders().getFirst("Authorization"));
            switch (path) {
                case "", "/" -> {
                    if (allow(exchange, method, "GET")) {
                        summary(exchange, level);
                    }
                }
                case "/runs" -> {
                    if (allow(exchange, method, "POST") && authorized(exchange, level)) {
                        return trigger(exchange);
                    }
                }
                case "/runs/latest" -> {
                    if (allow(exchange, method, "GET") && authorized(exchange, level)) {
                        details(exchange, source.lastRun().map(LastRun::report));
                    }
                }
                case "/metrics" -> {
                    if (allow(exchange, method, "GET")) {
                        metrics(exchange, level);
                    }
                }
                case "/report" -> {
                    if (allow(exchange, method, "GET") && authorized(exchange, level)) {
                        html(exchange);
                    }
                }
                case "/fingerprint" -> {
                    if (allow(exchange, method, "GET") && authorized(exchange, level)) {
                        if (source.fingerprint().isEmpty()) {
                            error(exchange, 503, "the fingerprint is not read yet");
                        } else {
                            json(exchange, 200, new JsonReport(new Redactor()).fingerprint(source.fingerprint().get()));
                        }
                    }
                }
                case "/live" -> {
                    if (allow(exchange, method, "GET")) {
                        json(exchange, 200, MAPPER.createObjectNode().put("status", "UP"));
                    }
                }
                case "/ready" -> {
                    if (allow(exchange, method, "GET")) {
                        int code = HttpStatuses.readiness(source.lastRun(), source.readinessFollowsVerdict());
                        json(exchange, code, MAPPER.createObjectNode().put("status", code == 200 ? "UP" : "DOWN"));
                    }
                }
                default -> {
                    if (path.startsWith("/runs/") && allow(exchange, method, "GET") && authorized(exchange, level)) {
                        details(exchange, source.report(path.substring("/runs/".length())));
                    } else if (!path.startsWith("/runs/")) {
                        error(exchange, 404, "no such resource: " + basePath + path);
                    }
                }
            }
            return false;
        }

        private static boolean allow(HttpExchange exchange, String method, String allowed) throws IOException {
            if (method.equals(allowed) || (allowed.equals("GET") && method.equals("HEAD"))) {
                return true;
            }
            exchange.getResponseHeaders().set("Allow", allowed);
            error(exchange, 405, method + " is not allowed here; use " + allowed);
            return false;
        }

        private static boolean authorized(HttpExchange exchange, Access.Level level) throws IOException {
            switch (level) {
                case GRANTED:
                    return true;
                case NOT_CONFIGURED:
                    error(exchange, 403, "details and runs on request are disabled: no token is configured "
                            + "(set POSTPATCH_TOKEN or a token file)");
                    return false;
                default:
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"postpatch\"");
                    error(exchange, 401, "a valid token is needed: send Authorization: Bearer <token>");
                    return false;
            }
        }

        private void summary(HttpExchange exchange, Access.Level level) throws IOException {
            Optional<LastRun> last = source.lastRun();
            Optional<String> problem = source.problem();
            ObjectNode body = MAPPER.createObjectNode();
            body.put("status", problem.isPresent() ? "ERROR" : last.map(LastRun::verdict).orElse("NEVER_RUN"));
            body.put("running", source.running());
            body.put("phase", source.phase());
            last.ifPresent(run -> {
                body.put("lastRunAt", run.finishedAt().toString());
                body.put("ageSeconds", Math.max(0, Duration.between(run.finishedAt(), Instant.now()).toSeconds()));
                body.put("fingerprint", run.fingerprintDigest());
            });
            if (level == Access.Level.GRANTED) {
                problem.ifPresent(text -> body.put("problem", text));
                source.warning().ifPresent(text -> body.put("warning", text));
                last.ifPresent(run -> addDetails(body, run.report()));
            }
            json(exchange, HttpStatuses.of(last, problem), body);
        }

        private static void addDetails(ObjectNode body, JsonNode report) {
            body.put("runId", report.path("runId").asText());
            body.put("suite", report.path("suite").asText());
            body.put("target", report.path("target").asText());
            body.set("summary", report.path("summary"));
            body.set("fingerprintFacts", report.path("fingerprint").path("facts"));
            ArrayNode probes = body.putArray("probes");
            for (JsonNode probe : report.path("probes")) {
                ObjectNode node = probes.addObject();
                node.put("id", probe.path("id").asText());
                node.put("status", probe.path("status").asText());
                node.put("durationMs", probe.path("durationMs").asLong());
                node.put("message", probe.path("message").asText());
                if (probe.has("change")) {
                    node.put("change", probe.path("change").asText());
                }
            }
        }

        /**
         * Starts or joins a run. With {@code ?wait=}, the answer is sent when the run ends (or the
         * wait is over) from the thread that ends it: no endpoint thread waits, so status reads are
         * never held up by deploy scripts waiting for runs.
         */
        private boolean trigger(HttpExchange exchange) throws IOException {
            Optional<Duration> wait = waitParameter(exchange.getRequestURI());
            if (wait == null) {
                error(exchange, 400, "wait must be a duration like 30s, at most 10m");
                return false;
            }
            RunRequest request = source.requestRun();
            ObjectNode body = MAPPER.createObjectNode();
            body.put("runId", request.runId());
            body.put("joined", request.joined());
            exchange.getResponseHeaders().set("Location", basePath + "/runs/" + request.runId());
            if (wait.isEmpty()) {
                body.put("status", request.joined() ? "JOINED" : "STARTED");
                json(exchange, 202, body);
                return false;
            }
            request.completion().copy()
                    .orTimeout(wait.get().toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((finished, failure) -> answerLater(exchange, body, finished, failure));
            return true;
        }

        private static void answerLater(HttpExchange exchange, ObjectNode body, LastRun finished, Throwable failure) {
            try (exchange) {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
                if (finished != null) {
                    body.put("status", finished.verdict());
                    addDetails(body, finished.report());
                    json(exchange, 200, body);
                } else if (cause instanceof TimeoutException) {
                    body.put("status", "RUNNING");
                    json(exchange, 202, body);
                } else {
                    body.put("status", "ERROR");
                    body.put("problem", String.valueOf(cause == null ? "unknown" : cause.getMessage()));
                    json(exchange, 500, body);
                }
            } catch (IOException | RuntimeException clientGone) {
                // Nothing to answer to.
            }
        }

        /** Empty for no wait, null when malformed. */
        private static Optional<Duration> waitParameter(URI uri) {
            String query = uri.getRawQuery();
            if (query == null) {
                return Optional.empty();
            }
            for (String pair : query.split("&")) {
                if (pair.startsWith("wait=")) {
                    Optional<Duration> wait = Durations.parse(pair.substring(5));
                    return wait.isPresent() && wait.get().compareTo(MAX_WAIT) <= 0 ? wait : null;
                }
            }
            return Optional.empty();
        }

        private static void details(HttpExchange exchange, Optional<JsonNode> report) throws IOException {
            if (report.isEmpty()) {
                error(exchange, 404, "no such run");
                return;
            }
            json(exchange, 200, report.get());
        }

        private void metrics(HttpExchange exchange, Access.Level level) throws IOException {
            String text = PrometheusReport.render(source.lastRun().map(LastRun::report).orElse(null),
                    level == Access.Level.GRANTED, Instant.now(), source.runsByVerdict());
            send(exchange, 200, PrometheusReport.CONTENT_TYPE, text.getBytes(StandardCharsets.UTF_8));
        }

        private void html(HttpExchange exchange) throws IOException {
            Optional<LastRun> last = source.lastRun();
            if (last.isEmpty()) {
                error(exchange, 404, "no run yet");
                return;
            }
            send(exchange, 200, "text/html; charset=utf-8",
                    HtmlReport.render(last.get().report()).getBytes(StandardCharsets.UTF_8));
        }

        private static void error(HttpExchange exchange, int code, String message) throws IOException {
            json(exchange, code, MAPPER.createObjectNode().put("error", message));
        }

        private static void json(HttpExchange exchange, int code, JsonNode body) throws IOException {
            send(exchange, code, "application/json", MAPPER.writeValueAsBytes(body));
        }

        private static void send(HttpExchange exchange, int code, String type, byte[] body) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(code, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
