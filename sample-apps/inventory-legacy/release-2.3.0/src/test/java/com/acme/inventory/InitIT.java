package com.acme.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code postpatch init} against this release's jar running as a process: a plain Java service with
 * neither Actuator nor an OpenAPI document. The suite gets the health probe and says what was not found.
 */
class InitIT {

    @TempDir
    Path folder;

    private Process inventory;
    private String url;

    @BeforeEach
    void startTheService() throws IOException {
        int port = freePort();
        url = "http://127.0.0.1:" + port;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        inventory = new ProcessBuilder(java, "-Dsun.net.httpserver.nodelay=true", "-Dinventory.port=" + port,
                "-Dpostpatch.port=" + freePort(), "-Dpostpatch.ledger=none", "-jar", System.getProperty("inventory.jar"))
                .redirectErrorStream(true).redirectOutput(folder.resolve("inventory.log").toFile()).start();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url + "/health")).build();
        await("inventory to answer on " + url).atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    @AfterEach
    void stopTheService() throws InterruptedException {
        inventory.destroy();
        if (!inventory.waitFor(30, TimeUnit.SECONDS)) {
            inventory.destroyForcibly();
        }
    }

    @Test
    void initWritesTheHealthProbeAndSaysWhatItCouldNotFind() throws Exception {
        Path suite = folder.resolve("inventory.yaml");

        Result init = postpatch("init", url, "--suite", "inventory", "--out", suite.toString(), "--timeout", "60s");

        assertThat(init.exitCode()).as(init.output()).isEqualTo(0);
        assertThat(init.output()).containsPattern("GET /actuator +404  no Actuator here")
                .containsPattern("GET /v3/api-docs +404").containsPattern("GET /openapi.json +404")
                .containsPattern("GET /openapi.yaml +404").containsPattern("GET /health +200  UP")
                .containsPattern("PASSED +health +200 in [0-9]+ms")
                .contains("Wrote " + suite + ": suite inventory, 1 probe (health).")
                .contains("No Actuator health or version probe: nothing of Spring Boot Actuator answered at /actuator")
                .contains("No OpenAPI document at /v3/api-docs, /openapi.json, /openapi.yaml: give one with --openapi FILE|URL");
        assertThat(Files.readString(suite)).startsWith("# yaml-language-server: $schema=")
                .contains("#   - No OpenAPI document at /v3/api-docs, /openapi.json, /openapi.yaml")
                .contains("suite: inventory\n")
                .contains("  - id: health\n")
                .contains("    retry: { until: 60s, every: 1s }")
                .contains("      get: ${base}/health\n      expect: { status: 200, json: { $.status: UP } }\n");

        assertThat(postpatch("validate", suite.toString()).exitCode()).isEqualTo(0);
        Result run = postpatch("run", "--ledger", "none", suite.toString());
        assertThat(run.exitCode()).as(run.output()).isEqualTo(0);
        assertThat(run.output()).contains("PASS  inventory: 1 passed, 0 failed");
    }

    private record Result(int exitCode, String output) {
    }

    /** The command line as users run it: its jar, in its own process. */
    private Result postpatch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("postpatch.jar")));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(folder, "postpatch-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("postpatch " + String.join(" ", args) + " did not end within 3 minutes");
        }
        return new Result(process.exitValue(), Files.readString(output));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
