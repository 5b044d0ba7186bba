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
import org.postpatch.server.StalledClients;
import org.postpatch.testing.ProbeFiles;

/** {@code postpatch serve} as a real process: the endpoint for applications that cannot embed. */
class ServeTest {

    @TempDir
    Path folder;

    private final HttpClient client = HttpClient.newHttpClient();

    private Process serve(String suite, Path console) throws Exception {
        Path file = new ProbeFiles(folder).write("p.yaml", suite);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", "0", "--bind", "127.0.0.1", "--ledger", folder.resolve("ledger").toString(), file.toString())
                .redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().put("POSTPATCH_TOKEN", "serve-token");
        return builder.start();
    }

    /** The port the process says it serves on, once it does. */
    private static int port(Path console) throws Exception {
        Pattern serving = Pattern.compile("serving http://127.0.0.1:(\\d+)/selftest");
        await().atMost(Duration.ofSeconds(60)).until(() -> serving.matcher(Files.readString(console)).find());
        Matcher port = serving.matcher(Files.readString(console));
        assertThat(port.find()).isTrue();
        return Integer.parseInt(port.group(1));
    }

    private HttpResponse<String> get(String url, Duration timeout) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void stop(Process serve, Path console) throws Exception {
        serve.destroy();
        assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(serve.exitValue()).isZero();
        assertThat(Files.readString(console)).contains("postpatch: stopped");
    }

    @Test
    void servesTheEndpointRunsOnRequestAndStopsOnSigterm() throws Exception {
        Path console = folder.resolve("console.txt");
        Process serve = serve("suite: legacy\nprobes: [{ id: up, pass: {} }]\n", console);
        try {
            String base = "http://127.0.0.1:" + port(console) + "/selftest";
            await().atMost(Duration.ofSeconds(60)).until(() -> get(base, Duration.ofSeconds(30)).body()
                    .contains("\"status\":\"PASS\""));
            HttpResponse<String> trigger = client.send(HttpRequest.newBuilder(URI.create(base + "/runs?wait=30s"))
                    .header("Authorization", "Bearer serve-token").POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(trigger.statusCode()).isEqualTo(200);
            assertThat(trigger.body()).contains("\"status\":\"PASS\"").contains("\"id\":\"up\"");
        } finally {
            stop(serve, console);
        }
    }

    @Test
    void answersWhileFiftyConnectionsStallAndClosesThemAtTheReadDeadline() throws Exception {
        Path console = folder.resolve("console.txt");
        Process serve = serve("suite: legacy\nprobes: [{ id: down, fail: { message: refused } }]\n", console);
        try {
            int port = port(console);
            String base = "http://127.0.0.1:" + port + "/selftest";
            await().atMost(Duration.ofSeconds(60)).until(() -> get(base, Duration.ofSeconds(30)).body()
                    .contains("\"status\":\"FAIL\""));
            try (StalledClients stalled = StalledClients.oneByteEach(port, 50)) {
                for (int i = 0; i < 20; i++) {
                    // The JDK server this replaced made each of these wait for minutes behind the stalled ones.
                    HttpResponse<String> summary = get(base, Duration.ofSeconds(5));
                    assertThat(summary.statusCode()).isEqualTo(503);
                    assertThat(summary.body()).contains("\"status\":\"FAIL\"");
                }
                assertThat(stalled.awaitClosedByServer(Duration.ofSeconds(60)))
                        .allSatisfy(answer -> assertThat(answer).startsWith("HTTP/1.1 408 "));
            }
        } finally {
            stop(serve, console);
        }
    }
}
