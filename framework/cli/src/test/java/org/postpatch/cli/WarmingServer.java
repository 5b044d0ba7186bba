package org.postpatch.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP service that is cold after every start, like an application that compiles its
 * templates and fills its pools on first use: the first {@code coldRequests} requests to each page
 * after a (re)start take {@code cold}, later ones the page's own time. A page can also fail one
 * request in N, on a fixed pattern (seeded), or always answer another status. {@link #restart}
 * stops the server and starts a new one on the same port, cold again.
 */
final class WarmingServer implements AutoCloseable {

    /** One page: its path, its warm time, its status, and which requests fail (every Nth, from a seed). */
    record Page(String path, Duration warm, int status, int failEvery, int seed) {

        static Page of(String path, Duration warm) {
            return new Page(path, warm, 200, 0, 0);
        }

        /** The same page answering {@code code} to every request. */
        Page answering(int code) {
            return new Page(path, warm, code, failEvery, seed);
        }

        /** The same page failing (503) one request in {@code every}: which one in each run of them comes from {@code seed}. */
        Page failingOneIn(int every, int seedValue) {
            return new Page(path, warm, status, every, seedValue);
        }

        /** The same page, another warm time. */
        Page taking(Duration time) {
            return new Page(path, time, status, failEvery, seed);
        }

        int statusOf(int request) {
            return failEvery > 0 && (request + seed) % failEvery == 0 ? 503 : status;
        }
    }

    private final Duration cold;
    private final int coldRequests;
    private final Map<String, Page> pages = new LinkedHashMap<>();
    private final Map<String, AtomicInteger> served = new LinkedHashMap<>();
    private HttpServer server;
    private ExecutorService threads;
    private int port;

    private WarmingServer(Duration cold, int coldRequests, List<Page> pages) {
        this.cold = cold;
        this.coldRequests = coldRequests;
        pages.forEach(page -> this.pages.put(page.path(), page));
    }

    /** Starts on a free port, cold. */
    static WarmingServer start(Duration cold, int coldRequests, Page... pages) throws IOException {
        WarmingServer server = new WarmingServer(cold, coldRequests, List.of(pages));
        server.listen(0);
        return server;
    }

    /** Stops and starts again on the same port, with these pages (the patched application), cold again. */
    synchronized void restart(Page... newPages) throws IOException {
        stop();
        pages.clear();
        List.of(newPages).forEach(page -> pages.put(page.path(), page));
        listen(port);
    }

    /** How many requests a page received since the last start. */
    synchronized int served(String path) {
        AtomicInteger count = served.get(path);
        return count == null ? 0 : count.get();
    }

    int port() {
        return port;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    private void listen(int wanted) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", wanted), 50);
        threads = Executors.newFixedThreadPool(16);
        server.setExecutor(threads);
        served.clear();
        for (Page page : pages.values()) {
            AtomicInteger count = new AtomicInteger();
            served.put(page.path(), count);
            server.createContext(page.path(), exchange -> answer(exchange, page, count.incrementAndGet()));
        }
        server.start();
        port = server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange, Page page, int request) throws IOException {
        try {
            // The service's own time: cold right after its start, then warm. Not a test waiting.
            TimeUnit.MILLISECONDS.sleep((request <= coldRequests ? cold : page.warm()).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = ("{\"page\":\"" + page.path() + "\",\"request\":" + request + "}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(page.statusOf(request), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void stop() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    @Override
    public synchronized void close() {
        stop();
    }
}
