package org.postpatch.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.postpatch.process.JvmProcess;
import org.postpatch.result.Fingerprint;

/**
 * Reads fingerprints: the facts of this JVM and machine, and the jars on the classpath. A jar's
 * digest covers the names, sizes and CRCs of its entries (read from the zip directory, so even a
 * large classpath is fingerprinted in milliseconds); jars nested in a Spring Boot jar
 * ({@code BOOT-INF/lib/}) are listed one by one.
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** The machine and the operator's patch id: what a command-line run records. */
    public static Fingerprint machine() {
        Map<String, String> facts = new LinkedHashMap<>();
        machineFacts(facts);
        return new Fingerprint(facts);
    }

    /**
     * This JVM, the machine, the application version and the classpath's jars: what an embedded
     * self-test records.
     *
     * @param appVersion the application's version, or null when unknown
     */
    public static Fingerprint application(String appVersion) {
        Map<String, String> facts = new LinkedHashMap<>();
        put(facts, "app.version", appVersion);
        put(facts, "jvm.vendor", System.getProperty("java.vendor"));
        put(facts, "jvm.version", System.getProperty("java.version"));
        put(facts, "jvm.build", System.getProperty("java.runtime.version"));
        put(facts, "jvm.name", System.getProperty("java.vm.name"));
        machineFacts(facts);
        return new Fingerprint(facts, jars(System.getProperty("java.class.path", "")));
    }

    /**
     * An application's JVM process read from outside it: its JVM, version and jars, the machine,
     * and how it was found (pid, port, start time, Java home: {@code process.*}, not compared).
     */
    public static Fingerprint of(JvmProcess process) {
        Map<String, String> facts = new LinkedHashMap<>();
        put(facts, "app.version", process.applicationJar() == null ? null : versionOf(process.applicationJar()));
        facts.putAll(process.jvm());
        machineFacts(facts);
        put(facts, Fingerprint.PROCESS_PID, Long.toString(process.pid()));
        process.port().ifPresent(port -> put(facts, Fingerprint.PROCESS_PORT, Integer.toString(port)));
        put(facts, Fingerprint.PROCESS_STARTED, process.startedAt().toString());
        put(facts, "process.java-home", process.javaHome().toString());
        put(facts, "process.main", process.main());
        if (process.jvmReplaced()) {
            put(facts, "process.jvm-replaced", "the JVM's files were replaced after the process started: it runs the "
                    + "old JVM until it restarts, the jvm facts describe the new files");
        }
        return new Fingerprint(facts, jars(process.jars()));
    }

    private static void machineFacts(Map<String, String> facts) {
        put(facts, "os.name", System.getProperty("os.name"));
        put(facts, "os.version", System.getProperty("os.version"));
        put(facts, "os.arch", System.getProperty("os.arch"));
        put(facts, "os.release", osRelease());
        put(facts, "patch.id", System.getenv("POSTPATCH_PATCH_ID"));
    }

    /** The distribution and version from /etc/os-release, such as "Debian GNU/Linux 12 (bookworm)". */
    private static String osRelease() {
        Path file = Path.of("/etc/os-release");
        if (!Files.isReadable(file)) {
            return null;
        }
        try {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            }
            String pretty = properties.getProperty("PRETTY_NAME");
            return pretty == null ? null : pretty.replace("\"", "");
        } catch (IOException | IllegalArgumentException unreadable) {
            return null;
        }
    }

    /** The jars of a class path (entries separated by the platform's path separator). */
    public static Map<String, Fingerprint.Jar> jars(String classPath) {
        List<Path> paths = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty() && entry.endsWith(".jar")) {
                paths.add(Path.of(entry));
            }
        }
        return jars(paths);
    }

    /** These jars (other files are left out), with the jars nested in a Spring Boot jar. */
    public static Map<String, Fingerprint.Jar> jars(List<Path> paths) {
        Map<String, Fingerprint.Jar> jars = new TreeMap<>();
        for (Path path : paths) {
            if (!Files.isRegularFile(path)) {
                continue;
            }
            try (ZipFile zip = new ZipFile(path.toFile())) {
                // The zip directory's entries are made once: for a classpath of many classes they are
                // most of what a fingerprint allocates.
                List<? extends ZipEntry> entries = java.util.Collections.list(zip.entries());
                addJar(jars, path.getFileName().toString(), JarDigest.of(entries), pomVersion(zip, entries));
                addNested(jars, entries);
            } catch (IOException unreadable) {
                jars.put(path.getFileName().toString(), new Fingerprint.Jar("", "unreadable"));
            }
        }
        return jars;
    }

    /**
     * The jars inside a Spring Boot jar, read from its zip directory only: each nested jar is
     * stored whole, so its entry's CRC and size are a digest of its content, and its file name
     * carries its version. Nothing is decompressed: a 100-jar application takes milliseconds.
     */
    private static void addNested(Map<String, Fingerprint.Jar> jars, List<? extends ZipEntry> entries) {
        entries.stream()
                .filter(e -> e.getName().startsWith("BOOT-INF/lib/") && e.getName().endsWith(".jar"))
                .sorted(Comparator.comparing(ZipEntry::getName))
                .forEach(entry -> {
                    String name = entry.getName().substring("BOOT-INF/lib/".length());
                    addJar(jars, name, Long.toHexString(entry.getCrc()) + "-" + Long.toHexString(entry.getSize()), null);
                });
    }

    private static void addJar(Map<String, Fingerprint.Jar> jars, String fileName, String digest, String version) {
        String name = stripVersion(fileName, version);
        jars.put(name, new Fingerprint.Jar(version != null ? version : versionFromName(fileName), digest));
    }

    /** "jackson-databind-2.17.0.jar" with version 2.17.0 is fingerprinted as "jackson-databind". */
    static String stripVersion(String fileName, String version) {
        String base = fileName.endsWith(".jar") ? fileName.substring(0, fileName.length() - 4) : fileName;
        if (version != null && base.endsWith("-" + version)) {
            return base.substring(0, base.length() - version.length() - 1);
        }
        String guessed = versionFromName(fileName);
        return guessed.isEmpty() ? base : base.substring(0, base.length() - guessed.length() - 1);
    }

    private static String versionFromName(String fileName) {
        String base = fileName.endsWith(".jar") ? fileName.substring(0, fileName.length() - 4) : fileName;
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("-(\\d[\\w.\\-]*)$").matcher(base);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static String pomVersion(ZipFile zip, List<? extends ZipEntry> entries) {
        return entries.stream()
                .filter(e -> e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/pom.properties"))
                .findFirst()
                .map(e -> {
                    try (InputStream in = zip.getInputStream(e)) {
                        Properties properties = new Properties();
                        properties.load(in);
                        return properties.getProperty("version");
                    } catch (IOException unreadable) {
                        return null;
                    }
                })
                .orElse(null);
    }

    private static void put(Map<String, String> facts, String name, String value) {
        if (value != null && !value.isBlank()) {
            facts.put(name, value);
        }
    }

    /** The application version in the manifest of the jar that holds {@code type}, or null. */
    public static String versionOf(Class<?> type) {
        String version = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
        if (version != null) {
            return version;
        }
        try {
            var location = type.getProtectionDomain().getCodeSource();
            if (location == null) {
                return null;
            }
            Path path = Path.of(location.getLocation().toURI());
            return Files.isRegularFile(path) ? versionOf(path) : null;
        } catch (java.net.URISyntaxException | SecurityException | IllegalArgumentException unknown) {
            return null;
        }
    }

    /**
     * The application version an application's jar declares: its manifest's
     * {@code Implementation-Version}, else, in a Spring Boot jar, the {@code build.version} of its
     * build info; null when neither says.
     */
    public static String versionOf(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            String version = file.getManifest() == null ? null
                    : file.getManifest().getMainAttributes().getValue("Implementation-Version");
            if (version != null && !version.isBlank()) {
                return version.strip();
            }
            ZipEntry buildInfo = file.getEntry("BOOT-INF/classes/META-INF/build-info.properties");
            if (buildInfo == null) {
                return null;
            }
            try (InputStream in = file.getInputStream(buildInfo)) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("build.version");
            }
        } catch (IOException | IllegalArgumentException | SecurityException unreadable) {
            return null;
        }
    }
}
