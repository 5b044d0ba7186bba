package org.postpatch.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A java command line read as the launcher reads it: which jars the application loads. */
class JavaCommandTest {

    @TempDir
    Path app;

    @Test
    void relativeClassPathEntriesAndWildcardsResolveAgainstTheWorkingDirectory() throws IOException {
        Path main = jar("app.jar", null);
        Path a = jar("lib/a-1.0.jar", null);
        Path b = jar("lib/b-2.0.JAR", null);
        Files.writeString(app.resolve("lib/notes.txt"), "not a jar");
        JavaCommand command = JavaCommand.parse(List.of("/usr/bin/java", "-Xmx64m", "-cp", "app.jar:lib/*:classes",
                "com.acme.Main", "--port", "8080"), app, Optional.empty(), Optional.empty());

        assertThat(command.mainClass()).isEqualTo("com.acme.Main");
        assertThat(command.jars(app)).containsExactly(main, a, b);
    }

    @Test
    void optionsTakingAValueAreNotMistakenForTheMainClass() throws IOException {
        Path lib = jar("lib.jar", null);
        JavaCommand command = JavaCommand.parse(List.of("java", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-p", "mods", "--class-path=" + lib, "-Dx=y", "com.acme.Main"), app, Optional.empty(), Optional.empty());

        assertThat(command.mainClass()).isEqualTo("com.acme.Main");
        assertThat(command.jars(app)).containsExactly(lib);
    }

    @Test
    void aMainJarBringsTheJarsItsManifestClassPathNames() throws IOException {
        Path library = jar("lib/orders-lib-1.0.0.jar", null);
        Path main = jar("app.jar", "lib/orders-lib-1.0.0.jar lib/missing.jar");
        JavaCommand command = JavaCommand.parse(List.of("java", "-cp", "ignored.jar", "-jar", "app.jar", "serve"), app,
                Optional.empty(), Optional.empty());

        assertThat(command.mainJar()).isEqualTo("app.jar");
        assertThat(command.jars(app)).containsExactly(main, library);
        assertThat(command.applicationJar(app, command.jars(app))).isEqualTo(main);
    }

    @Test
    void argumentFilesAndJdkJavaOptionsAreReadLikeTheLauncherReadsThem() throws IOException {
        Path lib = jar("lib one/x-1.jar", null);
        Files.writeString(app.resolve("args.txt"), "# written by the build\n-cp \"lib one/x-1.jar\"\n");
        JavaCommand fromFile = JavaCommand.parse(List.of("java", "@args.txt", "com.acme.Main"), app, Optional.empty(),
                Optional.empty());
        JavaCommand fromVariable = JavaCommand.parse(List.of("java", "com.acme.Main"), app,
                Optional.of("-cp 'lib one/x-1.jar' -Xss1m"), Optional.empty());

        assertThat(fromFile.jars(app)).containsExactly(lib);
        assertThat(fromVariable.jars(app)).containsExactly(lib);
    }

    @Test
    void theClasspathVariableCountsOnlyWhenNoOptionGivesAClassPath() throws IOException {
        Path fromVariable = jar("env.jar", null);
        Path fromOption = jar("option.jar", null);

        assertThat(JavaCommand.parse(List.of("java", "Main"), app, Optional.empty(), Optional.of("env.jar")).jars(app))
                .containsExactly(fromVariable);
        assertThat(JavaCommand.parse(List.of("java", "-cp", "option.jar", "Main"), app, Optional.empty(),
                Optional.of("env.jar")).jars(app)).containsExactly(fromOption);
    }

    @Test
    void theApplicationJarIsTheOneHoldingTheMainClass() throws IOException {
        jar("lib/a.jar", null);
        Path holder = app.resolve("app-3.1.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(holder))) {
            out.putNextEntry(new JarEntry("com/acme/Main.class"));
            out.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            out.closeEntry();
        }
        JavaCommand command = JavaCommand.parse(List.of("java", "-cp", "lib/a.jar:app-3.1.jar", "com.acme.Main"), app,
                Optional.empty(), Optional.empty());

        assertThat(command.applicationJar(app, command.jars(app))).isEqualTo(holder);
    }

    private Path jar(String name, String manifestClassPath) throws IOException {
        Path jar = app.resolve(name);
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (manifestClassPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, manifestClassPath);
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("readme.txt"));
            out.write(name.getBytes());
            out.closeEntry();
        }
        return jar;
    }
}
