package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.testing.ProbeFiles;

/**
 * A patch seen from outside the application: it moves from OpenJDK 17 to Temurin 25 and its h2
 * jar changes version. {@code baseline --app-port} before, {@code verify --app-port} after: the
 * console and the JSON name both changes; {@code serve --app-port} serves the same facts, and
 * reads them again when the application restarts on the same port.
 */
class AppFingerprintTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void aJvmSwitchAndAJarBumpAreNamedByVerifyAndServedByServe() throws Exception {
        Path app = folder.resolve("app");
        TestApps.write(app.resolve("app.jar"), TestApps.appJar(Map.of("Implementation-Version", "3.1.0"), Map.of()));
        Path oldH2 = TestApps.write(app.resolve("lib/h2-2.4.240.jar"), TestApps.library("com.h2database", "h2", "2.4.240"));
        Path probes = new ProbeFiles(folder).write("probes/app.yaml", """
                suite: legacy-app
                probes:
                  - id: app-port
                    tcp: { host: 127.0.0.1, port: "${port}" }
                """);
        Path ledger = folder.resolve("ledger");
        Path portFile = folder.resolve("app.port");
        int port = TestApps.freePort();
        String[] classPath = {"-cp", "app.jar:lib/*", SocketApp.class.getName()};

        Process before = TestApps.start(TestApps.java17(), app, port, portFile, classPath);
        Cli baseline = new Cli();
        try {
            assertThat(baseline.run("baseline", "--app-port", Integer.toString(port), "--ledger", ledger.toString(),
                    "--target", "node-1", "--var", "port=" + port, probes.toString())).as(baseline.err()).isZero();
        } finally {
            TestApps.stop(before);
        }
        assertThat(baseline.out()).contains("Fingerprinted application process " + before.pid() + " on port " + port
                + ": JVM, 2 jars, version; this machine: OS");

        Files.delete(oldH2);
        TestApps.write(app.resolve("lib/h2-2.3.232.jar"), TestApps.library("com.h2database", "h2", "2.3.232"));
        Process after = TestApps.start(TestApps.TEMURIN_25, app, port, portFile, classPath);
        try {
            Path report = folder.resolve("verify.json");
            Cli verify = new Cli();
            assertThat(verify.run("verify", "--app-port", Integer.toString(port), "--ledger", ledger.toString(),
                    "--target", "node-1", "--var", "port=" + port, "--report", "json=" + report, probes.toString()))
                    .as(verify.out() + verify.err()).isZero();

            assertThat(verify.out())
                    .contains("What changed since the baseline (fingerprinted: application process " + after.pid()
                            + " on port " + port + ": JVM, 2 jars, version; this machine: OS")
                    .containsPattern("\n  jvm\\.vendor .+ -> Eclipse Adoptium\n")
                    .containsPattern("\n  jvm\\.version 17\\.[0-9.]+ -> 25\\.[0-9.]+\n")
                    .contains("\n  jar h2 2.4.240 -> 2.3.232\n")
                    .doesNotContain("process.pid").doesNotContain("app.version");
            JsonNode json = JSON.readTree(report.toFile());
            List<String> changes = new ArrayList<>();
            json.path("comparison").path("fingerprintChanges").forEach(change -> changes.add(change.asText()));
            assertThat(changes).contains("jar h2 2.4.240 -> 2.3.232")
                    .anySatisfy(change -> assertThat(change).matches("jvm\\.version 17\\.[0-9.]+ -> 25\\.[0-9.]+"))
                    .anySatisfy(change -> assertThat(change).matches("jvm\\.vendor .+ -> Eclipse Adoptium"))
                    .noneMatch(change -> change.startsWith("process."));
            JsonNode fingerprint = json.path("fingerprint");
            assertThat(fingerprint.path("facts").path("process.pid").asText()).isEqualTo(Long.toString(after.pid()));
            assertThat(fingerprint.path("facts").path("app.version").asText()).isEqualTo("3.1.0");
            assertThat(fingerprint.path("scope").asText()).startsWith("application process " + after.pid());

            String endpoint = startServe(port, probes);
            JsonNode served = await("the fingerprint served").atMost(Duration.ofSeconds(60))
                    .until(() -> get(endpoint + "/fingerprint"), body -> body != null);
            assertThat(served.path("digest").asText()).isEqualTo(fingerprint.path("digest").asText());
            assertThat(served.path("facts")).isEqualTo(fingerprint.path("facts"));
            assertThat(served.path("jars")).isEqualTo(fingerprint.path("jars"));
        } finally {
            TestApps.stop(after);
        }

        Process restarted = TestApps.start(TestApps.java17(), app, port, portFile, classPath);
        try {
            String endpoint = "http://127.0.0.1:" + servePort + "/selftest";
            JsonNode served = await("the restarted application's fingerprint served").atMost(Duration.ofSeconds(60))
                    .until(() -> get(endpoint + "/fingerprint"),
                            body -> body != null && body.path("facts").path("process.pid").asText()
                                    .equals(Long.toString(restarted.pid())));
            assertThat(served.path("facts").path("jvm.version").asText()).startsWith("17.");
            assertThat(served.path("jars").path("h2").path("version").asText()).isEqualTo("2.3.232");
        } finally {
            TestApps.stop(restarted);
            stopServe();
        }
    }

    private Process serve;
    private int servePort;
    private final HttpClient client = HttpClient.newHttpClient();

    /** {@code postpatch serve --app-port} as a real process; returns its endpoint's base URL. */
    private String startServe(int appPort, Path probes) throws IOException {
        Path console = folder.resolve("serve.log");
        List<String> command = List.of(TestApps.java17().toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--app-port", Integer.toString(appPort), "--port", "0", "--bind",
                "127.0.0.1", "--ledger", folder.resolve("serve-ledger").toString(), "--var", "port=" + appPort,
                probes.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().put("POSTPATCH_TOKEN", "serve-token");
        serve = builder.start();
        Pattern serving = Pattern.compile("serving http://127.0.0.1:(\\d+)/selftest");
        await("serve to start (" + console + ")").atMost(Duration.ofSeconds(60))
                .until(() -> serving.matcher(Files.readString(console)).find() || !serve.isAlive());
        Matcher found = serving.matcher(Files.readString(console));
        assertThat(found.find()).as(Files.readString(console)).isTrue();
        assertThat(Files.readString(console)).contains("fingerprinting application process");
        servePort = Integer.parseInt(found.group(1));
        return "http://127.0.0.1:" + servePort + "/selftest";
    }

    private void stopServe() throws InterruptedException {
        serve.destroy();
        assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** A failed assertion must not leave serve running. */
    @AfterEach
    void stopServeIfStillRunning() throws InterruptedException {
        if (serve != null && serve.isAlive()) {
            TestApps.stop(serve);
        }
    }

    /** A JSON body answered 200 with the token, or null. */
    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer serve-token").build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }
}
