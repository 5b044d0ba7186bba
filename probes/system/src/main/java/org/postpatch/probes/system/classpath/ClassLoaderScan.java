package org.postpatch.probes.system.classpath;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.net.JarURLConnection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.zip.ZipFile;

/**
 * Searches the classpath of the running JVM, as a class loader sees it: artifacts by the
 * {@code pom.properties} that every jar Maven builds carries, jars without one by their file name,
 * and classes by loading them (without initialising them).
 */
final class ClassLoaderScan {

    private static final String MANIFEST = "META-INF/MANIFEST.MF";

    private final ClassLoader loader;

    ClassLoaderScan(ClassLoader loader) {
        this.loader = loader;
    }

    Findings scan(Optional<Coordinates> artifact, Optional<String> className) throws IOException {
        List<ArtifactCopy> copies = artifact.isPresent() ? copies(artifact.get()) : List.of();
        Optional<String> classLocation = Optional.empty();
        Optional<String> classProblem = Optional.empty();
        if (className.isPresent()) {
            try {
                Class<?> type = Class.forName(className.get(), false, loader);
                classLocation = Optional.of(locationOf(type));
            } catch (ClassNotFoundException absent) {
                // reported by the expectation as "not on the classpath"
            } catch (LinkageError broken) {
                classProblem = Optional.of(broken.getClass().getSimpleName() + ": " + broken.getMessage());
            }
        }
        return new Findings("on the classpath of this JVM", true, copies, classLocation, classProblem, List.of());
    }

    List<ArtifactCopy> copies(Coordinates artifact) throws IOException {
        List<ArtifactCopy> copies = new ArrayList<>();
        Set<String> counted = new LinkedHashSet<>();
        for (URL url : Collections.list(loader.getResources(artifact.pomProperties()))) {
            String location = location(url, artifact.pomProperties());
            counted.add(location);
            copies.add(new ArtifactCopy(version(url), location));
        }
        for (Map.Entry<String, URL> jar : jars().entrySet()) {
            Matcher name = artifact.jarName().matcher(fileName(jar.getKey()));
            if (!counted.contains(jar.getKey()) && name.matches() && !hasPomProperties(jar.getKey(), jar.getValue())) {
                copies.add(new ArtifactCopy(name.group(1), jar.getKey()));
            }
        }
        return copies;
    }

    /**
     * Every jar the loader sees (they nearly all have a manifest), plus those on java.class.path,
     * each with the URL of its manifest when the loader gave one.
     */
    private Map<String, URL> jars() throws IOException {
        Map<String, URL> jars = new LinkedHashMap<>();
        for (URL url : Collections.list(loader.getResources(MANIFEST))) {
            jars.put(location(url, MANIFEST), url);
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                jars.putIfAbsent(Path.of(entry).toAbsolutePath().toString(), null);
            }
        }
        return jars;
    }

    private static String version(URL pomProperties) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = pomProperties.openStream()) {
            properties.load(in);
        }
        return properties.getProperty("version", ArtifactCopy.UNKNOWN).trim();
    }

    /** The jar or folder a resource was found in: a file path when it is one, the URL otherwise. */
    static String location(URL url, String resource) {
        String text = url.toString();
        if (text.endsWith(resource)) {
            text = text.substring(0, text.length() - resource.length());
        }
        if (text.endsWith("!/")) {
            text = text.substring(0, text.length() - 2);
        }
        if (text.startsWith("jar:")) {
            text = text.substring(4);
        }
        if (text.startsWith("file:") && !text.contains("!/")) {
            try {
                return Path.of(new java.net.URI(text)).toString();
            } catch (URISyntaxException | IllegalArgumentException notAPath) {
                return text;
            }
        }
        return text;
    }

    private static String locationOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "the Java runtime";
        }
        return location(source.getLocation(), "");
    }

    private static String fileName(String location) {
        return location.substring(Math.max(location.lastIndexOf('/'), location.lastIndexOf(File.separatorChar)) + 1);
    }

    /**
     * True when a jar carries any pom.properties (then its name must not be used to guess which
     * artifact it is: a look-alike such as Jackson 3's jackson-databind would be mistaken for
     * Jackson 2's). A jar on disk is opened directly; a jar inside a jar (a Spring Boot
     * application) through the class loader's URL of its manifest. A jar that cannot be opened is
     * taken to have none.
     */
    private static boolean hasPomProperties(String jar, URL manifest) {
        if (java.nio.file.Files.isRegularFile(Path.of(jar))) {
            try (ZipFile zip = new ZipFile(jar)) {
                return zip.stream().anyMatch(entry -> JarScan.POM_PROPERTIES.matcher(entry.getName()).matches());
            } catch (IOException | RuntimeException unreadable) {
                return false;
            }
        }
        if (manifest == null) {
            return false;
        }
        try {
            if (manifest.openConnection() instanceof JarURLConnection connection) {
                connection.setUseCaches(false);
                try (JarFile file = connection.getJarFile()) {
                    return file.stream().anyMatch(entry -> JarScan.POM_PROPERTIES.matcher(entry.getName()).matches());
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
        return false;
    }
}
