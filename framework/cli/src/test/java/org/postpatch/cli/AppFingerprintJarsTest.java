package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.testing.ProbeFiles;

/**
 * What {@code --app-pid} and {@code --app-port} read of a real application process: the jars
 * nested in a Spring Boot jar and its build version; the jars a main jar's manifest names; the JVM
 * of a runtime image whose release file does not say it all, or is missing; a JVM replaced on disk.
 */
class AppFingerprintJarsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private Cli cli;

    @Test
    void aSpringBootJarsNestedLibrariesAndBuildVersionAreFingerprinted() throws Exception {
        byte[] bootJar = TestApps.appJar(Map.of("Spring-Boot-Version", "3.5.0"), Map.of(
                "BOOT-INF/lib/h2-2.4.240.jar", TestApps.library("com.h2database", "h2", "2.4.240"),
                "BOOT-INF/lib/jackson-core-2.17.0.jar", TestApps.library("com.fasterxml.jackson.core", "jackson-core", "2.17.0"),
                "BOOT-INF/classes/META-INF/build-info.properties",
                "build.artifact=orders\nbuild.version=4.2.0\n".getBytes(StandardCharsets.UTF_8)));
        TestApps.write(folder.resolve("dist/orders.jar"), bootJar);
        Path run = Files.createDirectories(folder.resolve("run"));
        Process app = TestApps.start(TestApps.java17(), run, 0, folder.resolve("app.port"), "-jar", "../dist/orders.jar");
        try {
            JsonNode fingerprint = fingerprint("--app-port", Integer.toString(TestApps.portOf(folder.resolve("app.port"))));

            assertThat(fingerprint.path("facts").path("app.version").asText()).isEqualTo("4.2.0");
            assertThat(fingerprint.path("facts").path("process.main").asText()).isEqualTo("-jar ../dist/orders.jar");
            assertThat(fingerprint.path("jars").path("h2").path("version").asText()).isEqualTo("2.4.240");
            assertThat(fingerprint.path("jars").path("jackson-core").path("version").asText()).isEqualTo("2.17.0");
            assertThat(fingerprint.path("jars").has("orders")).isTrue();
            assertThat(fingerprint.path("scope").asText()).contains(": JVM, 3 jars, version;");
        } finally {
            TestApps.stop(app);
        }
    }

    @Test
    void aRuntimeImageWithoutAFullReleaseFileIsAskedForItsVendorAndBuild() throws Exception {
        Path image = runtimeImage();
        assertThat(Files.readString(image.resolve("release"))).doesNotContain("IMPLEMENTOR=");
        TestApps.write(folder.resolve("app/lib/orders-lib-1.0.0.jar"), TestApps.library("com.acme", "orders-lib", "1.0.0"));
        TestApps.write(folder.resolve("app/app.jar"), TestApps.appJar(Map.of("Implementation-Version", "2.0.0",
                "Class-Path", "lib/orders-lib-1.0.0.jar"), Map.of()));

        for (boolean withRelease : new boolean[] {true, false}) {
            if (!withRelease) {
                Files.delete(image.resolve("release"));
            }
            Process app = TestApps.start(image.resolve("bin/java"), folder.resolve("app"), 0, folder.resolve("app.port"),
                    "-jar", "app.jar");
            try {
                JsonNode fingerprint = fingerprint("--app-pid", Long.toString(app.pid()));
                JsonNode facts = fingerprint.path("facts");

                assertThat(facts.path("jvm.vendor").asText()).as("release file: " + withRelease)
                        .isEqualTo(System.getProperty("java.vendor"));
                assertThat(facts.path("jvm.version").asText()).isEqualTo(System.getProperty("java.version"));
                assertThat(facts.path("jvm.build").asText()).isEqualTo(System.getProperty("java.runtime.version"));
                assertThat(facts.path("process.java-home").asText()).isEqualTo(image.toString());
                assertThat(facts.path("app.version").asText()).isEqualTo("2.0.0");
                assertThat(fingerprint.path("jars").path("orders-lib").path("version").asText()).isEqualTo("1.0.0");
            } finally {
                TestApps.stop(app);
            }
        }
    }

    @Test
    void aJvmWhoseFilesWereReplacedSinceItStartedIsFlaggedAsAwaitingARestart() throws Exception {
        Path image = runtimeImage();
        TestApps.write(folder.resolve("app/app.jar"), TestApps.appJar(Map.of(), Map.of()));
        Process app = TestApps.start(image.resolve("bin/java"), folder.resolve("app"), 0, folder.resolve("app.port"),
                "-jar", "app.jar");
        try {
            // As a package upgrade does: the new library is written beside the old one and renamed over it.
            Path library = image.resolve("lib/server/libjvm.so");
            Files.copy(library, library.resolveSibling("libjvm.so.new"));
            Files.move(library.resolveSibling("libjvm.so.new"), library, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);

            JsonNode facts = fingerprint("--app-pid", Long.toString(app.pid())).path("facts");

            assertThat(facts.path("process.jvm-replaced").asText()).contains("runs the old JVM until it restarts");
            assertThat(cli.err()).contains("warning: --app-pid " + app.pid() + ": the JVM's files were replaced after the "
                    + "process started");
        } finally {
            TestApps.stop(app);
        }
    }

    /** A real second Java runtime: an image of this JDK's java.base, as jlink makes them for containers. */
    private Path runtimeImage() {
        Path image = folder.resolve("jre");
        StringWriter problems = new StringWriter();
        int linked = ToolProvider.findFirst("jlink").orElseThrow().run(new PrintWriter(problems), new PrintWriter(problems),
                "--add-modules", "java.base", "--output", image.toString(), "--no-header-files", "--no-man-pages");
        assertThat(linked).as(problems.toString()).isZero();
        return image;
    }

    /** The fingerprint {@code postpatch run} records with these options, from its JSON report. */
    private JsonNode fingerprint(String... appOptions) throws Exception {
        Path probes = new ProbeFiles(folder).write("p.yaml", "suite: s\nprobes: [{ id: up, pass: {} }]\n");
        Path report = folder.resolve("run.json");
        cli = new Cli();
        String[] arguments = new String[appOptions.length + 6];
        System.arraycopy(new String[] {"run", "--ledger", "none", "--report", "json=" + report}, 0, arguments, 0, 5);
        System.arraycopy(appOptions, 0, arguments, 5, appOptions.length);
        arguments[arguments.length - 1] = probes.toString();
        assertThat(cli.run(arguments)).as(cli.err()).isZero();
        return JSON.readTree(report.toFile()).path("fingerprint");
    }
}
