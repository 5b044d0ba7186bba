package org.postpatch.probes.system.classpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.config.Problem;
import org.postpatch.probes.system.classpath.fixtures.SampleDriver;
import org.postpatch.result.ProbeResult;
import org.postpatch.testkit.ProbeTestKit;

class ClasspathProbeTest {

    private static final String LOG4J = "org.apache.logging.log4j:log4j-core";

    @TempDir
    Path folder;

    /** Where the assertj jar of this build is, and its version, as the JVM's class loader sees it. */
    private static final String ASSERTJ_JAR = ClassLoaderScan.location(
            Assertions.class.getProtectionDomain().getCodeSource().getLocation(), "");
    private static final String ASSERTJ_VERSION = Pattern.compile(".*assertj-core-(.+)\\.jar").matcher(ASSERTJ_JAR)
            .results().findFirst().orElseThrow().group(1);

    // ---------------------------------------------------------------- this JVM

    @Test
    void artifactOnThisClasspathWithinRangePasses() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: assertj
                  classpath: { artifact: "org.assertj:assertj-core", version: ">=3.20" }
                """);

        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(result.message()).isEqualTo("found org.assertj:assertj-core " + ASSERTJ_VERSION + " (" + ASSERTJ_JAR + ")");
    }

    @Test
    void artifactOnThisClasspathOutOfRangeFailsNamingVersionAndJar() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: assertj
                  classpath: { artifact: "org.assertj:assertj-core", version: "[2.0,3)" }
                """);

        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.message()).isEqualTo("found org.assertj:assertj-core " + ASSERTJ_VERSION + " (" + ASSERTJ_JAR
                + "); expected [2.0,3)");
    }

    @Test
    void absentArtifactFailsWhenRequiredAndPassesWhenForbidden() {
        ProbeResult required = ProbeTestKit.in(folder).runProbe("""
                - id: log4j-patched
                  classpath: { artifact: %s, version: ">=2.17.1" }
                """.formatted(LOG4J));
        ProbeResult forbidden = ProbeTestKit.in(folder).runProbe("""
                - id: no-log4j1
                  classpath: { artifact: "log4j:log4j", present: false }
                """);

        assertThat(required.message()).isEqualTo(LOG4J + " is not on the classpath of this JVM");
        assertThat(forbidden.status()).as(forbidden.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(forbidden.message()).isEqualTo("log4j:log4j is not on the classpath of this JVM, as expected");
    }

    @Test
    void forbiddenArtifactThatIsThereFails() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: no-assertj-in-production
                  classpath: { artifact: "org.assertj:assertj-core", present: false }
                """);

        assertThat(result.message()).isEqualTo("found org.assertj:assertj-core " + ASSERTJ_VERSION + " (" + ASSERTJ_JAR
                + "); expected it to be absent");
    }

    @Test
    void loadableClassPassesNamingWhereItCameFrom() {
        ProbeResult fromJar = ProbeTestKit.in(folder).runProbe("""
                - id: assertions
                  classpath: { class: org.assertj.core.api.Assertions }
                """);
        ProbeResult fromRuntime = ProbeTestKit.in(folder).runProbe("""
                - id: string
                  classpath: { class: java.lang.String }
                """);

        assertThat(fromJar.status()).as(fromJar.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(fromJar.message()).isEqualTo("class org.assertj.core.api.Assertions is loadable from " + ASSERTJ_JAR);
        assertThat(fromRuntime.message()).isEqualTo("class java.lang.String is loadable from the Java runtime");
    }

    @Test
    void missingClassFailsAndForbiddenClassPasses() {
        ProbeResult missing = ProbeTestKit.in(folder).runProbe("""
                - id: driver-loadable
                  classpath: { class: org.postgresql.Driver }
                """);
        ProbeResult forbidden = ProbeTestKit.in(folder).runProbe("""
                - id: no-log4j1-classes
                  classpath: { class: org.apache.log4j.Logger, present: false }
                """);

        assertThat(missing.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(missing.message()).isEqualTo("class org.postgresql.Driver is not on the classpath of this JVM");
        assertThat(forbidden.status()).as(forbidden.message()).isEqualTo(ProbeStatus.PASSED);
    }

    // ---------------------------------------------------------------- jars on disk

    @Test
    void duplicateCopiesAreAllReportedAndAnyOutOfRangeFails() {
        Path lib = folder.resolve("lib");
        TestJars.library("org.apache.logging.log4j", "log4j-core", "2.14.1").writeTo(lib.resolve("log4j-core-2.14.1.jar"));
        TestJars.library("org.apache.logging.log4j", "log4j-core", "2.17.2").writeTo(lib.resolve("log4j-core-2.17.2.jar"));
        TestJars.library("org.apache.logging.log4j", "log4j-api", "2.17.2").writeTo(lib.resolve("log4j-api-2.17.2.jar"));

        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: log4j-patched
                  classpath: { path: %s, artifact: %s, version: ">=2.17.1" }
                """.formatted(lib, LOG4J));

        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.message()).isEqualTo("found org.apache.logging.log4j:log4j-core 2.14.1 (lib/log4j-core-2.14.1.jar)"
                + " and 2.17.2 (lib/log4j-core-2.17.2.jar); expected >=2.17.1");
        assertThat(result.details()).containsEntry("copies", "[2.14.1 (lib/log4j-core-2.14.1.jar), 2.17.2 (lib/log4j-core-2.17.2.jar)]");
    }

    @Test
    void singlePatchedCopyPasses() {
        Path lib = folder.resolve("lib");
        TestJars.library("org.apache.logging.log4j", "log4j-core", "2.17.2").writeTo(lib.resolve("log4j-core-2.17.2.jar"));

        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: log4j-patched
                  classpath: { path: %s, artifact: %s, version: "[2.17.1,)" }
                """.formatted(lib, LOG4J));

        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(result.message()).isEqualTo("found org.apache.logging.log4j:log4j-core 2.17.2 (lib/log4j-core-2.17.2.jar)");
    }

    @Test
    void fatJarIsSearchedWithTheJarsInside() {
        Path app = TestJars.jar()
                .with("META-INF/maven/com.acme/orders/pom.properties", "groupId=com.acme\nartifactId=orders\nversion=1.4.0\n"
                        .getBytes(StandardCharsets.ISO_8859_1))
                .withClass("BOOT-INF/classes/", SampleDriver.class)
                .with("BOOT-INF/lib/jackson-databind-2.15.2.jar",
                        TestJars.library("com.fasterxml.jackson.core", "jackson-databind", "2.15.2"))
                .with("BOOT-INF/lib/guava-31.1-jre.jar", TestJars.jar().with("com/google/common/base/Strings.class", new byte[1]))
                .writeTo(folder.resolve("app.jar"));

        ProbeResult jackson = ProbeTestKit.in(folder).runProbe("""
                - id: app-jars
                  classpath:
                    path: %s
                    artifact: com.fasterxml.jackson.core:jackson-databind
                    version: "[2.15,3)"
                    class: %s
                """.formatted(app, SampleDriver.class.getName()));
        ProbeResult guava = ProbeTestKit.in(folder).runProbe("""
                - id: guava-by-file-name
                  classpath: { path: %s, artifact: "com.google.guava:guava", version: ">=31.1" }
                """.formatted(app));

        assertThat(jackson.status()).as(jackson.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(jackson.message()).isEqualTo("found com.fasterxml.jackson.core:jackson-databind 2.15.2"
                + " (app.jar!/BOOT-INF/lib/jackson-databind-2.15.2.jar); class " + SampleDriver.class.getName() + " is in app.jar");
        assertThat(guava.status()).as(guava.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(guava.message()).isEqualTo("found com.google.guava:guava 31.1-jre (app.jar!/BOOT-INF/lib/guava-31.1-jre.jar)");
    }

    @Test
    void jarNamedLikeTheArtifactButDescribingAnotherIsNotCountedByItsName() {
        Path lib = folder.resolve("lib");
        TestJars.library("com.acme", "repackaged", "1.0").writeTo(lib.resolve("guava-20.0.jar"));

        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: guava
                  classpath: { path: %s, artifact: "com.google.guava:guava" }
                """.formatted(lib));

        assertThat(result.message()).isEqualTo("com.google.guava:guava is not in " + lib + " (1 jar)");
    }

    @Test
    void forbiddenArtifactInAFolderFails() {
        Path lib = folder.resolve("lib");
        TestJars.jar().with("org/apache/log4j/Logger.class", new byte[1]).writeTo(lib.resolve("log4j-1.2.17.jar"));

        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: no-log4j1
                  classpath: { path: %s, artifact: "log4j:log4j", present: false }
                """.formatted(lib));

        assertThat(result.message()).isEqualTo("found log4j:log4j 1.2.17 (lib/log4j-1.2.17.jar); expected it to be absent");
    }

    @Test
    void unreadableJarsAreNamedWhenTheArtifactIsNotFound() throws Exception {
        Path lib = Files.createDirectories(folder.resolve("lib"));
        Files.writeString(lib.resolve("broken.jar"), "not a zip");

        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: log4j-patched
                  classpath: { path: %s, artifact: %s }
                """.formatted(lib, LOG4J));

        assertThat(result.message()).startsWith(LOG4J + " is not in " + lib + " (1 jar; 1 could not be read: lib/broken.jar: ");
    }

    @Test
    void missingPathFails() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: app-jars
                  classpath: { path: /no/such/lib, artifact: %s }
                """.formatted(LOG4J));

        assertThat(result.message()).isEqualTo("/no/such/lib does not exist");
    }

    @Test
    void classMissingFromTheJarsFails() {
        Path app = TestJars.library("com.acme", "orders", "1.0").writeTo(folder.resolve("app.jar"));

        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: driver
                  classpath: { path: %s, class: org.postgresql.Driver }
                """.formatted(app));

        assertThat(result.message()).isEqualTo("class org.postgresql.Driver is not in " + app + " (1 jar)");
    }

    // ---------------------------------------------------------------- validation

    @Test
    void malformedBlocksAreRefused() {
        List<Problem> problems = ProbeTestKit.in(folder).problemsOfProbe("""
                - id: nothing
                  classpath: { present: true }
                - id: class-version
                  classpath: { class: org.postgresql.Driver, version: ">=42" }
                - id: short-artifact
                  classpath: { artifact: log4j-core }
                - id: long-artifact
                  classpath: { artifact: "org.apache.logging.log4j:log4j-core:2.17.1" }
                - id: absent-version
                  classpath: { artifact: "log4j:log4j", version: "<2", present: false }
                - id: bad-range
                  classpath: { artifact: "log4j:log4j", version: "[2.17.1" }
                - id: bad-class
                  classpath: { class: "org.postgresql.Driver()" }
                - id: scalar
                  classpath: log4j
                """);

        assertThat(problems).extracting(Problem::probeId, Problem::message).containsExactly(
                tuple("nothing", "classpath: missing 'artifact' (groupId:artifactId, like org.apache.logging.log4j:log4j-core)"
                        + " or 'class' (a class name, like org.postgresql.Driver)"),
                tuple("class-version", "classpath.version: a version needs 'artifact' (groupId:artifactId): a class has no version"),
                tuple("short-artifact", "classpath.artifact: expected groupId:artifactId, like"
                        + " org.apache.logging.log4j:log4j-core, found 'log4j-core'"),
                tuple("long-artifact", "classpath.artifact: expected groupId:artifactId, like"
                        + " org.apache.logging.log4j:log4j-core, found 'org.apache.logging.log4j:log4j-core:2.17.1';"
                        + " put the version in 'version'"),
                tuple("absent-version", "classpath.version: a version cannot be combined with present: false;"
                        + " to forbid old copies, require the good ones, like version: \">=2.17.1\""),
                tuple("bad-range", "classpath.version: '[2.17.1' is not a version range (like >=17.0.10, [2.17.1,), >=17 <21)"),
                tuple("bad-class", "classpath.class: expected a class name like org.postgresql.Driver, found 'org.postgresql.Driver()'"),
                tuple("scalar", "classpath: expected a map with 'artifact' or 'class', found a string"));
    }
}
