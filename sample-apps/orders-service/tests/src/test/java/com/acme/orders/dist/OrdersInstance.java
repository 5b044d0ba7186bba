package com.acme.orders.dist;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One running instance of an orders-service jar, started exactly as the README tells operators to:
 * {@code java -jar orders-service-<version>.jar --server.port=... --postpatch.port=... --postpatch.ledger=...
 * --spring.datasource.url=...}, with its own ports; the database, ledger and target are the caller's,
 * so that successive versions patch "the same node". Its output goes to a log file next to its data.
 */
final class OrdersInstance implements AutoCloseable {

    static final String TOKEN = "orders-test-token";
    private static final Set<String> FINISHED = Set.of("PASS", "WARN", "FAIL", "ERROR");

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;
    private final int selfTestPort;
    private final Duration startup;

    private OrdersInstance(String name, Process process, Path log, int port, int selfTestPort, Duration startup) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
        this.selfTestPort = selfTestPort;
        this.startup = startup;
    }

    /** Starts {@code target/dist/<jar>} on free ports and waits until it is ready (its readiness group is UP). */
    static OrdersInstance start(String jar, Path node, String... moreArguments) throws IOException {
        Path jarFile = Distribution.jar(jar);
        if (!Files.isRegularFile(jarFile)) {
            throw new IllegalStateException(jarFile.toAbsolutePath() + " is missing: build it with mvn package first");
        }
        Files.createDirectories(node);
        int port = freePort();
        int selfTestPort = freePort();
        Path log = node.resolve(jar.replace(".jar", "") + "-" + port + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The command of the README, plus two JVM flags that only make the start cheaper on small CI
        // machines (C1 only, one GC thread); neither changes what the application does.
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", jarFile.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--postpatch.port=" + selfTestPort,
                "--postpatch.ledger=" + node.resolve("ledger").toAbsolutePath(),
                "--postpatch.target=orders-node",
                "--spring.datasource.url=jdbc:h2:file:" + node.resolve("orders").toAbsolutePath() + ";AUTO_SERVER=TRUE"));
        command.addAll(List.of(moreArguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(node.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("POSTPATCH_TOKEN", TOKEN);
        long started = System.nanoTime();
        Process process = builder.start();
        // Should the test JVM end abruptly, the instance must not outlive it (holding its ports).
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop " + jar));
        String readiness = "http://localhost:" + port + "/actuator/health/readiness";
        try {
            await(jar + " to be ready on port " + port).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        failIfDead(jar, process);
                        return answers(readiness);
                    });
        } catch (ConditionTimeoutException | IllegalStateException notReady) {
            stop(process);
            throw new IllegalStateException(notReady.getMessage() + "\n" + tail(log), notReady);
        }
        return new OrdersInstance(jar, process, log, port, selfTestPort, Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public String toString() {
        return name + " (port " + port + ", self-test port " + selfTestPort + ")";
    }

    /** How long from {@code java -jar} until the readiness group answered UP. */
    Duration startup() {
        return startup;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    String selfTestUrl(String path) {
        return "http://localhost:" + selfTestPort + path;
    }

    /** Waits until the self-test has a verdict for this process and returns {@code GET /selftest} with the token. */
    JsonNode awaitSelfTest() {
        JsonNode[] status = new JsonNode[1];
        try {
            await("the self-test of " + name).atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
                failIfDead(name, process);
                Http.Response response = Http.get(selfTestUrl("/selftest"), TOKEN);
                status[0] = response.json();
                return FINISHED.contains(status[0].path("status").asText()) && !status[0].path("running").asBoolean();
            });
        } catch (ConditionTimeoutException tooLong) {
            throw new IllegalStateException(tooLong.getMessage() + "; last status: " + status[0] + "\n" + logTail(), tooLong);
        }
        return status[0];
    }

    private static boolean answers(String url) {
        try {
            return Http.get(url).status() == 200;
        } catch (UncheckedIOException notYet) {
            return false;
        }
    }

    private static void failIfDead(String jar, Process process) {
        if (!process.isAlive()) {
            throw new IllegalStateException(jar + " exited with code " + process.exitValue());
        }
    }

    /** The end of the instance's log, for failure messages. */
    String logTail() {
        return tail(log);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return "--- last lines of " + log + " ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException unreadable) {
            return "(log " + log + " unreadable: " + unreadable.getMessage() + ")";
        }
    }

    /** Stops the instance as an operator would (SIGTERM, graceful shutdown), forcibly after 30 seconds. */
    @Override
    public void close() {
        stop(process);
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
