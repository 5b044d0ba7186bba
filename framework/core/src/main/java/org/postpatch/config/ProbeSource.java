package org.postpatch.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A probe file, on the file system or on the classpath ({@code classpath:postpatch/orders.yaml}),
 * and how to find probe files in folders and includes.
 */
public final class ProbeSource {

    private static final String CLASSPATH = "classpath:";
    private static final int MAX_FOLDER_DEPTH = 8;

    private final String name;
    private final Path path;
    private final String resource;
    private final ClassLoader loader;

    private ProbeSource(String name, Path path, String resource, ClassLoader loader) {
        this.name = name;
        this.path = path;
        this.resource = resource;
        this.loader = loader;
    }

    /** A file on the file system. */
    public static ProbeSource file(Path path) {
        return new ProbeSource(path.toString(), path, null, null);
    }

    /** The name used in messages: the path as given, or {@code classpath:...}. */
    public String name() {
        return name;
    }

    /** A key identifying the file whichever way it was named, to detect include cycles. */
    String key() {
        if (path != null) {
            try {
                return path.toRealPath().toString();
            } catch (IOException e) {
                return path.toAbsolutePath().normalize().toString();
            }
        }
        return CLASSPATH + resource;
    }

    /** The file name without folder and extension, the default suite name. */
    public String stem() {
        String file = path != null ? path.getFileName().toString() : resource.substring(resource.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    /** True for names ending in .yaml, .yml or .json. */
    public static boolean isProbeFile(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
    }

    /**
     * The probe files at a location given by a user: a file, a folder (searched recursively, in name
     * order), or a {@code classpath:} file or folder.
     */
    public static List<ProbeSource> find(String location, ClassLoader loader, Problems problems) {
        if (location.startsWith(CLASSPATH)) {
            return findOnClasspath(location.substring(CLASSPATH.length()), loader, problems, SourceLocation.ofFile(location));
        }
        return findOnFileSystem(Path.of(location), problems, SourceLocation.ofFile(location));
    }

    /** The files named by an {@code include:} entry, relative to this file. */
    public List<ProbeSource> include(String relative, SourceLocation at, Problems problems) {
        if (relative.startsWith(CLASSPATH)) {
            return findOnClasspath(relative.substring(CLASSPATH.length()), loader(), problems, at);
        }
        if (path != null) {
            Path parent = path.getParent() == null ? Path.of(".") : path.getParent();
            Path target = Path.of(relative).isAbsolute() ? Path.of(relative) : parent.resolve(relative).normalize();
            return findOnFileSystem(target, problems, at);
        }
        String folder = resource.contains("/") ? resource.substring(0, resource.lastIndexOf('/') + 1) : "";
        return findOnClasspath(normalize(folder + relative), loader, problems, at);
    }

    private ClassLoader loader() {
        return loader != null ? loader : Thread.currentThread().getContextClassLoader();
    }

    /** The content, refusing oversized files before reading them. Empty when unreadable. */
    public Optional<byte[]> read(Problems problems) {
        try {
            if (path != null) {
                long size = Files.size(path);
                if (size > ConfigTreeReader.MAX_BYTES) {
                    problems.add(SourceLocation.ofFile(name), ConfigTreeReader.tooLarge(size));
                    return Optional.empty();
                }
                return Optional.of(Files.readAllBytes(path));
            }
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    problems.add(SourceLocation.ofFile(name), "not found on the classpath");
                    return Optional.empty();
                }
                byte[] content = in.readNBytes(ConfigTreeReader.MAX_BYTES + 1);
                if (content.length > ConfigTreeReader.MAX_BYTES) {
                    problems.add(SourceLocation.ofFile(name), ConfigTreeReader.tooLarge(content.length));
                    return Optional.empty();
                }
                return Optional.of(content);
            }
        } catch (IOException e) {
            problems.add(SourceLocation.ofFile(name), "cannot be read: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static List<ProbeSource> findOnFileSystem(Path target, Problems problems, SourceLocation at) {
        if (Files.isRegularFile(target)) {
            return List.of(file(target));
        }
        if (!Files.isDirectory(target)) {
            problems.add(at, "no such file or folder: " + target);
            return List.of();
        }
        List<ProbeSource> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(target, MAX_FOLDER_DEPTH)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> isProbeFile(f.getFileName().toString()))
                    .sorted()
                    .forEach(f -> found.add(file(f)));
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add(at, "cannot list folder " + target + ": " + e.getMessage());
        }
        if (found.isEmpty()) {
            problems.add(at, "no probe files (*.yaml, *.yml, *.json) in folder " + target);
        }
        return found;
    }

    private static List<ProbeSource> findOnClasspath(String resource, ClassLoader loader, Problems problems,
                                                     SourceLocation at) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        if (isProbeFile(name) && loader.getResource(name) != null) {
            return List.of(new ProbeSource(CLASSPATH + name, null, name, loader));
        }
        String folder = name.isEmpty() || name.endsWith("/") ? name : name + "/";
        TreeSet<String> resources = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(folder);
            while (roots.hasMoreElements()) {
                list(roots.nextElement(), folder, resources);
            }
        } catch (IOException | URISyntaxException e) {
            problems.add(at, "cannot list classpath folder " + folder + ": " + e.getMessage());
        }
        if (resources.isEmpty()) {
            problems.add(at, "no probe files (*.yaml, *.yml, *.json) on the classpath at " + CLASSPATH + name);
        }
        List<ProbeSource> found = new ArrayList<>();
        resources.forEach(r -> found.add(new ProbeSource(CLASSPATH + r, null, r, loader)));
        return found;
    }

    private static void list(URL root, String folder, TreeSet<String> resources) throws IOException, URISyntaxException {
        if ("file".equals(root.getProtocol())) {
            Path base = Path.of(root.toURI());
            try (Stream<Path> files = Files.walk(base, MAX_FOLDER_DEPTH)) {
                files.filter(Files::isRegularFile).filter(f -> isProbeFile(f.getFileName().toString()))
                        .forEach(f -> resources.add(folder + base.relativize(f).toString().replace('\\', '/')));
            }
            return;
        }
        URLConnection connection = root.openConnection();
        if (connection instanceof JarURLConnection jar) {
            jar.setUseCaches(false);
            try (JarFile file = jar.getJarFile()) {
                String prefix = jar.getEntryName() == null ? folder : jar.getEntryName();
                prefix = prefix.endsWith("/") ? prefix : prefix + "/";
                Enumeration<JarEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    String entry = entries.nextElement().getName();
                    if (entry.startsWith(prefix) && !entry.endsWith("/") && isProbeFile(entry)) {
                        resources.add(folder + entry.substring(prefix.length()));
                    }
                }
            }
        }
    }

    private static String normalize(String resource) {
        List<String> parts = new ArrayList<>();
        for (String part : resource.split("/")) {
            if (part.equals("..") && !parts.isEmpty()) {
                parts.remove(parts.size() - 1);
            } else if (!part.equals(".") && !part.isEmpty()) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    @Override
    public String toString() {
        return name;
    }
}
