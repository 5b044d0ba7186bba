package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * The application the tests fingerprint from outside: jars built in the test's folder (the
 * {@link SocketApp} class, libraries as Maven builds them, Spring Boot's nested layout) and real
 * JVM processes running them, on OpenJDK 17 or Temurin 25.
 */
final class TestApps {

    static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    private TestApps() {
    }

    /** The JVM running the tests: OpenJDK 17. */
    static Path java17() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** A library jar as Maven builds it: its pom.properties says its version. */
    static byte[] library(String groupId, String artifactId, String version) {
        return jar(new Manifest(), Map.of(
                "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties",
                ("groupId=" + groupId + "\nartifactId=" + artifactId + "\nversion=" + version + "\n").getBytes(StandardCharsets.UTF_8),
                artifactId.replace('-', '/') + "/Version.txt", version.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The application's jar: {@link SocketApp} as its main class, these manifest attributes, and
     * these entries; entries ending in .jar are stored whole, as Spring Boot stores its nested jars.
     */
    static byte[] appJar(Map<String, String> attributes, Map<String, byte[]> entries) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, SocketApp.class.getName());
        attributes.forEach((name, value) -> manifest.getMainAttributes().putValue(name, value));
        Map<String, byte[]> all = new java.util.TreeMap<>(entries);
        try (InputStream in = SocketApp.class.getResourceAsStream("SocketApp.class")) {
            all.put(SocketApp.class.getName().replace('.', '/') + ".class", in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar(manifest, all);
    }

    private static byte[] jar(Manifest manifest, Map<String, byte[]> entries) {
        manifest.getMainAttributes().putIfAbsent(Attributes.Name.MANIFEST_VERSION, "1.0");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            for (Map.Entry<String, byte[]> entry : new java.util.TreeMap<>(entries).entrySet()) {
                JarEntry jarEntry = new JarEntry(entry.getKey());
                if (entry.getKey().endsWith(".jar")) {
                    CRC32 crc = new CRC32();
                    crc.update(entry.getValue());
                    jarEntry.setMethod(ZipEntry.STORED);
                    jarEntry.setSize(entry.getValue().length);
                    jarEntry.setCompressedSize(entry.getValue().length);
                    jarEntry.setCrc(crc.getValue());
                }
                out.putNextEntry(jarEntry);
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes a file, creating its folders. */
    static Path write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, content);
    }

    /** A TCP port free now, for an application that must come back on the same port after a restart. */
    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    /**
     * Starts {@code java [arguments...] <port> <port file>} in {@code workingDirectory} and waits until
     * it listens; its output goes to a log beside the port file.
     */
    static Process start(Path java, Path workingDirectory, int port, Path portFile, String... arguments) throws IOException {
        Files.deleteIfExists(portFile);
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(List.of(arguments));
        command.addAll(List.of(Integer.toString(port), portFile.toString()));
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(portFile.resolveSibling(portFile.getFileName() + ".log").toFile()).start();
        await("the application to listen (" + command + ")").atMost(Duration.ofSeconds(60))
                .until(() -> Files.exists(portFile) || !process.isAlive());
        assertThat(process.isAlive()).as("the application started (see its log beside " + portFile + ")").isTrue();
        return process;
    }

    /** The port an application started by {@link #start} listens on. */
    static int portOf(Path portFile) throws IOException {
        return Integer.parseInt(Files.readString(portFile).strip());
    }

    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
