package org.postpatch.benchmarks.gauntlet;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One instance of an application on fixed ports, restarted in place as a deploy script does: the
 * same ports, database and self-test ledger across versions. Knows when the running instance became
 * ready — the moment its port first answered an HTTP request.
 */
final class Node implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofMinutes(5);

    private final App app;
    private final int port;
    private final int selftestPort;
    private final Path state;
    private int starts;
    private Process process;
    private Deploy running;
    private CompletableFuture<Instant> ready;

    Node(App app, int port, int selftestPort, Path state) {
        this.app = app;
        this.port = port;
        this.selftestPort = selftestPort;
        this.state = state;
    }

    App app() {
        return app;
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts {@code deploy} (stopping what runs); returns at once: {@link #ready()} completes when its port answers. */
    void start(Deploy deploy) throws IOException {
        stop();
        Path log = state.resolve("logs").resolve(app.name() + "-" + (++starts) + "-" + deploy.version() + ".log");
        ProcessBuilder builder = new ProcessBuilder(app.command(deploy, port, selftestPort, state))
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                        Path.of("/dev/null").toFile()));
        builder.environment().remove("POSTPATCH_TOKEN");
        builder.environment().remove("POSTPATCH_LEDGER");
        process = builder.start();
        running = deploy;
        Process started = process;
        ready = CompletableFuture.supplyAsync(() -> awaitPort(started), task -> {
            Thread watcher = new Thread(task, "ready-" + app.name());
            watcher.setDaemon(true);
            watcher.start();
        });
    }

    /** Makes sure {@code deploy} runs and is ready (a rollback, when something else runs). */
    void ensure(Deploy deploy) throws IOException {
        if (!deploy.equals(running) || process == null || !process.isAlive()) {
            start(deploy);
        }
        if (ready().isEmpty()) {
            throw new IllegalStateException(app.name() + " " + deploy.describe() + " did not answer on port " + port
                    + " within " + READY_WITHIN.toMinutes() + " minutes; see its log in " + state.resolve("logs"));
        }
    }

    /** When the running instance's port first answered, waiting for it; empty if it never did. */
    Optional<Instant> ready() {
        return Optional.ofNullable(ready == null ? null : ready.join());
    }

    /** Stops the running instance as an operator does (SIGTERM), and waits until it is gone. */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
        running = null;
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Polls until the port answers HTTP — any status line, whatever the path's answer: the
     * application is up and serving. (A bare TCP connect is not enough: a server may accept
     * connections into its backlog before it serves them.)
     */
    private Instant awaitPort(Process started) {
        long giveUp = System.nanoTime() + READY_WITHIN.toNanos();
        while (started.isAlive() && System.nanoTime() < giveUp) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                socket.setSoTimeout(2000);
                socket.getOutputStream().write(("HEAD / HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                byte[] status = socket.getInputStream().readNBytes(5);
                if (new String(status, StandardCharsets.US_ASCII).equals("HTTP/")) {
                    return Instant.now();
                }
            } catch (IOException notYet) {
                // not listening, or not answering yet
            }
            pause();
        }
        return null;
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(25);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
