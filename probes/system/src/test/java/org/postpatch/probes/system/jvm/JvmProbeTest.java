package org.postpatch.probes.system.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.config.Problem;
import org.postpatch.result.ProbeResult;
import org.postpatch.testkit.ProbeTestKit;

class JvmProbeTest {

    /** Installed on this machine next to the default OpenJDK 17 that runs the build. */
    private static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    private static final int FEATURE = Runtime.version().feature();
    private static final String VERSION = System.getProperty("java.version");
    private static final String VENDOR = System.getProperty("java.vendor");

    @TempDir
    Path folder;

    /** A JVM home whose bin/java is this shell script. */
    private Path fakeHome(String script) throws Exception {
        Path java = folder.resolve("fake-jdk/bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return java.getParent().getParent();
    }

    @Test
    void runningJvmWithinExpectationsPasses() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: jvm
                  jvm:
                    version: ">=%d <%d"
                    vendor: "%s"
                    properties: { java.specification.version: "%d" }
                """.formatted(FEATURE, FEATURE + 1, VENDOR.toUpperCase(Locale.ROOT), FEATURE));

        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(result.message()).isEqualTo("Java " + System.getProperty("java.runtime.version") + " by " + VENDOR
                + " at " + System.getProperty("java.home"));
        assertThat(result.details()).containsEntry("version", VERSION).containsEntry("vendor", VENDOR);
    }

    @Test
    void runningJvmOutsideTheRangeFails() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: jvm
                  jvm: { version: "<%d" }
                """.formatted(FEATURE));

        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.message()).isEqualTo("the running JVM: version " + VERSION + ", expected <" + FEATURE);
    }

    @Test
    void wrongVendorAndPropertiesAreAllReported() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: jvm
                  jvm:
                    vendor: NoSuchVendor
                    properties: { java.specification.version: "8", postpatch.no.such.property: x }
                """);

        assertThat(result.message()).isEqualTo("the running JVM: vendor '" + VENDOR + "', expected one containing"
                + " 'NoSuchVendor'; java.specification.version is '" + FEATURE + "', expected '8';"
                + " postpatch.no.such.property is not set, expected 'x'");
    }

    @Test
    void anotherJvmIsCheckedThroughItsHome() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: next-jvm
                  jvm:
                    home: %s
                    version: ">=25"
                    vendor: Adoptium
                    properties: { java.specification.version: "25", java.home: %s }
                """.formatted(TEMURIN_25, TEMURIN_25));

        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(result.message()).startsWith("Java 25.").endsWith(" by Eclipse Adoptium at " + TEMURIN_25);
        assertThat((String) result.details().get("version")).startsWith("25.");
        assertThat((String) result.details().get("runtimeVersion")).contains("LTS");
    }

    @Test
    void anotherJvmOutsideTheRangeFailsNamingItsHome() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: next-jvm
                  jvm: { home: %s, version: "[17,21)", vendor: Debian }
                """.formatted(TEMURIN_25));

        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.message()).matches("the JVM at " + TEMURIN_25 + ": version 25\\.[0-9.]+, expected \\[17,21\\);"
                + " vendor 'Eclipse Adoptium', expected one containing 'Debian'");
    }

    @Test
    void theRunningJvmReadThroughItsHomeGivesTheSameAnswer() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: same-jvm
                  jvm: { home: %s, version: "=%s", vendor: "%s", properties: { path.separator: ":" } }
                """.formatted(System.getProperty("java.home"), VERSION, VENDOR));

        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(result.details()).containsEntry("version", VERSION).containsEntry("vendor", VENDOR);
    }

    @Test
    void missingHomeFails() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: next-jvm
                  jvm: { home: /no/such/jvm, version: ">=17" }
                """);

        assertThat(result.message()).isEqualTo("JVM home /no/such/jvm does not exist");
    }

    @Test
    void folderWithoutJavaIsNotAHome() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: next-jvm
                  jvm: { home: %s }
                """.formatted(folder));

        assertThat(result.message()).isEqualTo("no bin/java in " + folder + " (is it a JDK or JRE home?)");
    }

    @Test
    void javaThatFailsToStartIsReportedWithItsError() throws Exception {
        Path home = fakeHome("echo 'Error: could not open lib/jvm.cfg' >&2; exit 1");

        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: next-jvm
                  jvm: { home: %s }
                """.formatted(home));

        assertThat(result.message()).isEqualTo("'" + home + "/bin/java -XshowSettings:properties -version' exited with"
                + " code 1: Error: could not open lib/jvm.cfg");
    }

    @Test
    void hangingJavaIsKilledAtTheTimeout() throws Exception {
        String marker = "608." + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        Path home = fakeHome("exec sleep " + marker);

        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: next-jvm
                  timeout: 1s
                  jvm: { home: %s }
                """.formatted(home));

        assertThat(result.message()).isEqualTo("timed out after 1s");
        await("the hanging java to be killed").atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.allProcesses()
                .noneMatch(process -> process.info().commandLine().map(line -> line.contains(marker)).orElse(false)));
    }

    @Test
    void invalidVersionRangeIsRefusedAtItsValue() {
        List<Problem> problems = ProbeTestKit.in(folder).problemsOfProbe("""
                - id: jvm
                  jvm:
                    version: ">=seventeen"
                    vendr: Adoptium
                """);

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).message())
                .isEqualTo("jvm.version: '>=seventeen' is not a version range (like >=17.0.10, [2.17.1,), >=17 <21)");
        assertThat(problems.get(0).location().line()).isEqualTo(5);
        assertThat(problems.get(0).location().column()).isEqualTo(16);
        assertThat(problems.get(1).message()).isEqualTo("jvm: unknown key 'vendr' (did you mean 'vendor'?)");
    }

    @Test
    void rangeThatNoVersionCanMatchIsRefused() {
        List<Problem> problems = ProbeTestKit.in(folder).problemsOfProbe("""
                - id: jvm
                  jvm: { version: ">=21 <17" }
                """);

        assertThat(problems).extracting(Problem::message).containsExactly("jvm.version: '>=21 <17' matches no version");
    }
}
