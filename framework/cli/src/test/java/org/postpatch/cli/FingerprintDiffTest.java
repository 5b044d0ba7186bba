package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.embedded.SelfTestingApp;
import org.postpatch.testing.ProbeFiles;

/**
 * A patch that changes the JVM (OpenJDK 17 to Temurin 25) and a jar (orders-lib 1.0.0 to 1.1.0):
 * baseline before, verify after, both reading the application's fingerprint from its endpoint;
 * the verify names both changes by name and version.
 */
class FingerprintDiffTest {

    private static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    @TempDir
    Path folder;

    @Test
    void jvmAndJarChangesAppearInTheDiffByNameAndVersion() throws Exception {
        Path v1 = library("1.0.0");
        Path v2 = library("1.1.0");
        Path appProbes = new ProbeFiles(folder).write("app/postpatch/app.yaml",
                "suite: app\nprobes: [{ id: jvm, jvm: { version: \">=17\" } }]\n");
        Path checks = new ProbeFiles(folder).write("checks/orders.yaml", """
                suite: orders
                probes:
                  - id: endpoint-port
                    tcp: { host: 127.0.0.1, port: "${port}" }
                """);
        Path java17 = Path.of(System.getProperty("java.home"), "bin", "java");
        Path ledger = folder.resolve("ledger");
        Path report = folder.resolve("verify.json");

        Process before = startApp(java17, v1, appProbes, "before");
        try {
            int port = portOf("before");
            assertThat(cli(List.of("baseline", "--ledger", ledger.toString(), "--target", "orders-1",
                    "--fingerprint-url", "http://127.0.0.1:" + port + "/selftest", "--var", "port=" + port,
                    checks.toString()), "baseline")).isZero();
        } finally {
            stop(before);
        }
        Process after = startApp(TEMURIN_25, v2, appProbes, "after");
        try {
            int port = portOf("after");
            assertThat(cli(List.of("verify", "--ledger", ledger.toString(), "--target", "orders-1",
                    "--fingerprint-url", "http://127.0.0.1:" + port + "/selftest", "--var", "port=" + port,
                    "--report", "json=" + report, checks.toString()), "verify")).isZero();
        } finally {
            stop(after);
        }
        String console = Files.readString(folder.resolve("verify.log"));
        assertThat(console).contains("What changed since the baseline (fingerprinted: application: JVM, ")
                .containsPattern("jvm\\.version 17\\.[0-9.]+ -> 25")
                .contains("jar orders-lib 1.0.0 -> 1.1.0");
        JsonNode changes = new ObjectMapper().readTree(report.toFile()).path("comparison").path("fingerprintChanges");
        List<String> texts = new ArrayList<>();
        changes.forEach(change -> texts.add(change.asText()));
        assertThat(texts).anySatisfy(change -> assertThat(change).startsWith("jvm.version 17").contains("-> 25"))
                .anySatisfy(change -> assertThat(change).startsWith("jvm.vendor"))
                .contains("jar orders-lib 1.0.0 -> 1.1.0");
    }

    /** A real library jar, as Maven builds them, at a version. */
    private Path library(String version) throws IOException {
        Path jar = folder.resolve("lib-" + version).resolve("orders-lib-" + version + ".jar");
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("META-INF/maven/com.acme/orders-lib/pom.properties"));
            out.write(("groupId=com.acme\nartifactId=orders-lib\nversion=" + version + "\n").getBytes());
            out.closeEntry();
            out.putNextEntry(new JarEntry("com/acme/orders/Version.txt"));
            out.write(version.getBytes());
            out.closeEntry();
        }
        return jar;
    }

    private Process startApp(Path java, Path library, Path probes, String name) throws IOException {
        return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path") + File.pathSeparator
                + library, SelfTestingApp.class.getName(), probes.getParent().toString(),
                folder.resolve("app-ledger-" + name).toString(), folder.resolve(name + ".port").toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve(name + "-app.log").toFile()).start();
    }

    private int portOf(String name) throws IOException {
        Path file = folder.resolve(name + ".port");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(file));
        return Integer.parseInt(Files.readString(file).trim());
    }

    private int cli(List<String> arguments, String name) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve(name + ".log").toFile());
        builder.environment().put("POSTPATCH_TOKEN", "app-token");
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private static void stop(Process app) throws InterruptedException {
        app.destroy();
        if (!app.waitFor(30, TimeUnit.SECONDS)) {
            app.destroyForcibly();
        }
    }

}
