package org.postpatch.benchmarks.gauntlet;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * What runs on a node: a version of the application's jar, on a JVM, with extra configuration
 * arguments (a context path, say) as a deploy would pass them.
 *
 * @param version   the application version, which names its jar
 * @param java      the {@code java} executable
 * @param jvmName   the JVM as a person names it ("OpenJDK 17")
 * @param arguments extra arguments to the application
 */
record Deploy(String version, Path java, String jvmName, List<String> arguments) {

    Deploy {
        arguments = List.copyOf(arguments);
    }

    static Deploy of(String version, Jvm jvm) {
        return new Deploy(version, jvm.java(), jvm.name(), List.of());
    }

    Deploy on(Jvm jvm) {
        return new Deploy(version, jvm.java(), jvm.name(), arguments);
    }

    Deploy with(String argument) {
        return new Deploy(version, java, jvmName, List.of(argument));
    }

    /** "1.0.1 on OpenJDK 17", with its extra arguments. */
    String describe() {
        return version + " on " + jvmName + (arguments.isEmpty() ? "" : " " + String.join(" ", arguments));
    }

    /** A JVM the gauntlet runs applications on. */
    record Jvm(String name, Path java) {

        /** The JVM of this {@code java}, named from its Java home's {@code release} file ("Eclipse Adoptium 25.0.1"). */
        static Jvm of(Path java) {
            Path release = java.toAbsolutePath().getParent().getParent().resolve("release");
            Properties facts = new Properties();
            try (Reader in = Files.newBufferedReader(release)) {
                facts.load(in);
            } catch (IOException unreadable) {
                return new Jvm(java.toString(), java);
            }
            String vendor = facts.getProperty("IMPLEMENTOR", "").replace("\"", "");
            String version = facts.getProperty("JAVA_VERSION", "").replace("\"", "");
            return new Jvm((vendor.isEmpty() ? "Java" : vendor) + " " + version, java);
        }
    }
}
