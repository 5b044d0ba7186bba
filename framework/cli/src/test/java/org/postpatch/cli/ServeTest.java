package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.testing.ProbeFiles;

/** {@code postpatch serve} as a real process: the endpoint for applications that cannot embed. */
class ServeTest {

    @TempDir
    Path folder;

    @Test
    void servesTheEndpointRunsOnRequestAndStopsOnSigterm() throws Exception {
        Path file = new ProbeFiles(folder).write("p.yaml", "suite: legacy\nprobes: [{ id: up, pass: {} }]\n");
        Path console = folder.resolve("console.txt");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", "0", "--bind", "127.0.0.1", "--ledger", folder.resolve("ledger").toString(), file.toString())
                .redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().put("POSTPATCH_TOKEN", "serve-token");
        Process serve = builder.start();
        try {
            Pattern serving = Pattern.compile("serving http://127.0.0.1:(\\d+)/selftest");
            await().atMost(Duration.ofSeconds(60)).until(() -> serving.matcher(Files.readString(console)).find());
            Matcher port = serving.matcher(Files.readString(console));
            assertThat(port.find()).isTrue();
            String base = "http://127.0.0.1:" + port.group(1) + "/selftest";
            HttpClient client = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(60)).until(() -> client.send(HttpRequest.newBuilder(URI.create(base)).build(),
                    HttpResponse.BodyHandlers.ofString()).body().contains("\"status\":\"PASS\""));
            HttpResponse<String> trigger = client.send(HttpRequest.newBuilder(URI.create(base + "/runs?wait=30s"))
                    .header("Authorization", "Bearer serve-token").POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(trigger.statusCode()).isEqualTo(200);
            assertThat(trigger.body()).contains("\"status\":\"PASS\"").contains("\"id\":\"up\"");
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(serve.exitValue()).isZero();
        assertThat(Files.readString(console)).contains("postpatch: stopped");
    }
}
