package org.postpatch.probes.system.classpath;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.probes.system.classpath.fixtures.BrokenDriver;
import org.postpatch.probes.system.classpath.fixtures.SampleBase;
import org.postpatch.probes.system.classpath.fixtures.SampleDriver;

/**
 * The running-JVM search, given a class loader over jars built here (the build's own classpath has
 * no duplicates to find). Its parent is the bootstrap loader, so only those jars and the JDK are seen.
 */
class ClassLoaderScanTest {

    private static final Coordinates LOG4J = Coordinates.parse("org.apache.logging.log4j:log4j-core").orElseThrow();

    @TempDir
    Path folder;

    private static URLClassLoader loaderOver(Path... jars) throws Exception {
        URL[] urls = new URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            urls[i] = jars[i].toUri().toURL();
        }
        return new URLClassLoader(urls, null);
    }

    @Test
    void everyCopyOnTheClasspathIsFoundWithItsJar() throws Exception {
        Path old = TestJars.library("org.apache.logging.log4j", "log4j-core", "2.14.1").writeTo(folder.resolve("a/log4j-core-2.14.1.jar"));
        Path patched = TestJars.library("org.apache.logging.log4j", "log4j-core", "2.17.2").writeTo(folder.resolve("b/log4j-core.jar"));

        try (URLClassLoader loader = loaderOver(patched, old)) {
            Findings found = new ClassLoaderScan(loader).scan(Optional.of(LOG4J), Optional.empty());

            assertThat(found.copies()).containsExactly(new ArtifactCopy("2.14.1", old.toString()),
                    new ArtifactCopy("2.17.2", patched.toString()));
            assertThat(found.where()).isEqualTo("on the classpath of this JVM");
        }
    }

    @Test
    void jarWithoutPomPropertiesIsFoundByItsName() throws Exception {
        Path named = TestJars.jar().with("org/apache/logging/log4j/core/Logger.class", new byte[1])
                .writeTo(folder.resolve("log4j-core-2.16.0.jar"));
        Path other = TestJars.library("com.acme", "orders", "1.0").writeTo(folder.resolve("log4j-core-9.9.jar"));

        try (URLClassLoader loader = loaderOver(named, other)) {
            Findings found = new ClassLoaderScan(loader).scan(Optional.of(LOG4J), Optional.empty());

            assertThat(found.copies()).containsExactly(new ArtifactCopy("2.16.0", named.toString()));
        }
    }

    @Test
    void classIsLoadedFromItsJar() throws Exception {
        Path jar = TestJars.jar().withClass("", SampleDriver.class).writeTo(folder.resolve("driver.jar"));

        try (URLClassLoader loader = loaderOver(jar)) {
            Findings found = new ClassLoaderScan(loader).scan(Optional.empty(), Optional.of(SampleDriver.class.getName()));

            assertThat(found.classLocation()).contains(jar.toString());
            assertThat(found.classFound(SampleDriver.class.getName()))
                    .isEqualTo("class " + SampleDriver.class.getName() + " is loadable from " + jar);
        }
    }

    @Test
    void classWhoseSuperclassIsMissingIsThereButCannotBeLoaded() throws Exception {
        Path jar = TestJars.jar().withClass("", BrokenDriver.class).writeTo(folder.resolve("broken.jar"));

        try (URLClassLoader loader = loaderOver(jar)) {
            Findings found = new ClassLoaderScan(loader).scan(Optional.empty(), Optional.of(BrokenDriver.class.getName()));

            assertThat(found.classLocation()).isEmpty();
            assertThat(found.classProblem()).contains("NoClassDefFoundError: " + SampleBase.class.getName().replace('.', '/'));
        }
    }

    @Test
    void missingClassIsSimplyNotFound() throws Exception {
        try (URLClassLoader loader = loaderOver()) {
            Findings found = new ClassLoaderScan(loader).scan(Optional.empty(), Optional.of("org.postgresql.Driver"));

            assertThat(found.classLocation()).isEmpty();
            assertThat(found.classProblem()).isEmpty();
        }
    }
}
