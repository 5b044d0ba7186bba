package org.postpatch.probes.system.classpath;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Searches jars on disk instead of this JVM's classpath: a folder of jars (searched recursively),
 * one jar, or a Spring Boot fat jar or a war, with the jars nested inside ({@code BOOT-INF/lib},
 * {@code WEB-INF/lib}). Locations are shown relative to the folder holding the searched path, like
 * {@code lib/log4j-core-2.14.1.jar} or {@code app.jar!/BOOT-INF/lib/log4j-core-2.14.1.jar}.
 */
final class JarScan {

    /** Where Maven puts any artifact's properties inside its jar. */
    static final Pattern POM_PROPERTIES = Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.properties");

    /** Jars inside jars inside jars: deeper nesting is not a real layout. */
    private static final int MAX_DEPTH = 3;
    private static final int MAX_PROPERTIES_BYTES = 64 * 1024;
    private static final List<String> CLASS_FOLDERS = List.of("", "BOOT-INF/classes/", "WEB-INF/classes/");

    private final Path base;
    private final Optional<Coordinates> artifact;
    private final Optional<String> classEntry;
    private final List<ArtifactCopy> copies = new ArrayList<>();
    private final List<String> unreadable = new ArrayList<>();
    private Optional<String> classLocation = Optional.empty();
    private int archives;

    private JarScan(Path root, Optional<Coordinates> artifact, Optional<String> className) {
        Path parent = root.toAbsolutePath().normalize().getParent();
        this.base = parent == null ? root.toAbsolutePath().normalize() : parent;
        this.artifact = artifact;
        this.classEntry = className.map(name -> name.replace('.', '/') + ".class");
    }

    /**
     * Searches everything under {@code root}.
     *
     * @throws NoSuchFileException when {@code root} does not exist
     */
    static Findings scan(Path root, Optional<Coordinates> artifact, Optional<String> className) throws IOException {
        if (!Files.exists(root)) {
            throw new NoSuchFileException(root.toString());
        }
        JarScan scan = new JarScan(root, artifact, className);
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).filter(JarScan::isArchive).sorted().toList()) {
                    scan.scanFile(file);
                }
            }
        } else {
            scan.scanFile(root);
        }
        StringBuilder where = new StringBuilder("in ").append(root).append(" (").append(scan.archives)
                .append(scan.archives == 1 ? " jar" : " jars");
        if (!scan.unreadable.isEmpty()) {
            where.append("; ").append(scan.unreadable.size()).append(" could not be read: ")
                    .append(String.join("; ", scan.unreadable));
        }
        return new Findings(where.append(')').toString(), false, scan.copies, scan.classLocation, Optional.empty(),
                scan.unreadable);
    }

    private static boolean isArchive(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jar") || name.endsWith(".war") || name.endsWith(".ear");
    }

    private void scanFile(Path file) throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("interrupted while searching jars");
        }
        String location = base.relativize(file.toAbsolutePath().normalize()).toString();
        archives++;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            boolean hasPom = false;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        hasPom |= visit(entry.getName(), in, location, 1);
                    }
                }
            }
            countByName(hasPom, file.getFileName().toString(), location);
        } catch (InterruptedIOException interrupted) {
            throw interrupted;
        } catch (IOException | RuntimeException broken) {
            unreadable.add(location + ": " + broken.getMessage());
        }
    }

    private void scanNested(InputStream in, String location, String name, int depth) throws IOException {
        archives++;
        boolean hasPom = false;
        boolean readable = false;
        ZipInputStream zip = new ZipInputStream(new FilterInputStream(in) {
            @Override
            public void close() {
                // the enclosing archive owns this stream
            }
        });
        try (zip) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                readable = true;
                if (!entry.isDirectory()) {
                    hasPom |= visit(entry.getName(), zip, location, depth);
                }
            }
        } catch (InterruptedIOException interrupted) {
            throw interrupted;
        } catch (IOException broken) {
            unreadable.add(location + ": " + broken.getMessage());
            return;
        }
        if (!readable) {
            unreadable.add(location + ": not a jar");
        }
        countByName(hasPom, name.substring(name.lastIndexOf('/') + 1), location);
    }

    /** Looks at one entry of an archive; returns true when it is a pom.properties of any artifact. */
    private boolean visit(String entry, InputStream content, String location, int depth) throws IOException {
        Matcher pom = POM_PROPERTIES.matcher(entry);
        if (pom.matches()) {
            if (artifact.isPresent() && pom.group(1).equals(artifact.get().groupId())
                    && pom.group(2).equals(artifact.get().artifactId())) {
                copies.add(new ArtifactCopy(version(content), location));
            }
            return true;
        }
        if (classEntry.isPresent() && classLocation.isEmpty()
                && CLASS_FOLDERS.stream().anyMatch(folder -> entry.equals(folder + classEntry.get()))) {
            classLocation = Optional.of(location);
        } else if (entry.toLowerCase(Locale.ROOT).endsWith(".jar") && depth < MAX_DEPTH) {
            scanNested(content, location + "!/" + entry, entry, depth + 1);
        }
        return false;
    }

    /** A jar without any pom.properties counts as a copy when its name is {@code <artifactId>-<version>.jar}. */
    private void countByName(boolean hasPom, String fileName, String location) {
        if (hasPom || artifact.isEmpty()) {
            return;
        }
        Matcher name = artifact.get().jarName().matcher(fileName);
        if (name.matches()) {
            copies.add(new ArtifactCopy(name.group(1), location));
        }
    }

    private static String version(InputStream content) throws IOException {
        Properties properties = new Properties();
        properties.load(new ByteArrayInputStream(content.readNBytes(MAX_PROPERTIES_BYTES)));
        return properties.getProperty("version", ArtifactCopy.UNKNOWN).trim();
    }
}
