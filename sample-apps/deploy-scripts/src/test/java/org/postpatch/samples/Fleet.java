package org.postpatch.samples;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Three local instances of inventory-legacy, driven by rolling-patch.sh, for the deploy-script tests. */
final class Fleet implements AutoCloseable {

    static final Path SCRIPTS = Path.of("").toAbsolutePath();
    static final Path SCRIPT = SCRIPTS.resolve("rolling-patch.sh");
    static final Path PROFILE = SCRIPTS.resolve("apps/inventory-legacy.profile");

    private final Path state;
    private final int nodes;
    private final HttpClient client = HttpClient.newHttpClient();

    Fleet(Path state, int nodes) {
        this.state = state;
        this.nodes = nodes;
    }

    Path state() {
        return state;
    }

    /** Runs rolling-patch.sh with these arguments (plus --app, --nodes, --state); returns the exit code. */
    Result script(String command, String... more) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(SCRIPT.toString(), command, "--app", PROFILE.toString(),
                "--nodes", String.valueOf(nodes), "--state", state.toString()));
        line.addAll(List.of(more));
        return run(line, Map.of());
    }

    /** Runs a command in the scripts folder; returns its exit code and output. */
    Result run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        Path log = Files.createTempFile(state, "command-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(SCRIPTS.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(process.exitValue(), Files.readString(log));
    }

    /** The version node {@code n} reports at /health, once it answers. */
    String versionOf(int n) {
        URI health = URI.create("http://127.0.0.1:" + (18080 + n) + "/health");
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                client.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        try {
            String body = client.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString()).body();
            return body.replaceAll(".*\"version\":\"([^\"]+)\".*", "$1");
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The pid rolling-patch.sh recorded for node {@code n}. */
    long pidOf(int n) throws IOException {
        return Long.parseLong(Files.readString(state.resolve("node-" + n + ".pid")).trim());
    }

    @Override
    public void close() throws Exception {
        List<Long> pids = new ArrayList<>();
        for (int n = 1; n <= nodes; n++) {
            if (Files.exists(state.resolve("node-" + n + ".pid"))) {
                pids.add(pidOf(n));
            }
        }
        script("stop");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                pids.stream().noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
    }

    /** A finished command. */
    record Result(int exitCode, String output) {
    }
}
