package org.postpatch.process;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What a {@code java} command line says about the application, read as the launcher reads it:
 * its main jar ({@code -jar}) or main class, and its class path ({@code -cp}, {@code -classpath},
 * {@code --class-path}, else {@code CLASSPATH}), with {@code @argfiles} and
 * {@code JDK_JAVA_OPTIONS} expanded.
 *
 * @param mainJar   the {@code -jar} argument, or null
 * @param mainClass the main class (or module, or source file), or null
 * @param classPath the class path as given, or null when none was (the launcher then uses ".")
 */
record JavaCommand(String mainJar, String mainClass, String classPath) {

    /** Launcher options whose value is the next argument (the others are one argument, like -Dx=y). */
    private static final Set<String> WITH_VALUE = Set.of("-cp", "-classpath", "--class-path", "-p", "--module-path",
            "--upgrade-module-path", "--add-modules", "--enable-native-access", "--add-reads", "--add-exports",
            "--add-opens", "--limit-modules", "--patch-module", "--source", "--describe-module", "-d");
    private static final Set<String> CLASS_PATH = Set.of("-cp", "-classpath", "--class-path");

    /**
     * Reads a command line.
     *
     * @param arguments        the program and its arguments
     * @param workingDirectory where relative {@code @argfiles} are
     * @param jdkJavaOptions   the process's {@code JDK_JAVA_OPTIONS}, read before the arguments
     * @param classPathVariable the process's {@code CLASSPATH}, used when no class path is given
     */
    static JavaCommand parse(List<String> arguments, Path workingDirectory, Optional<String> jdkJavaOptions,
                             Optional<String> classPathVariable) {
        List<String> options = new ArrayList<>();
        jdkJavaOptions.ifPresent(value -> options.addAll(ArgumentFile.split(value)));
        options.addAll(expandArgumentFiles(arguments.subList(Math.min(1, arguments.size()), arguments.size()),
                workingDirectory));
        String classPath = null;
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            boolean hasValue = i + 1 < options.size();
            if (option.equals("-jar") && hasValue) {
                return new JavaCommand(options.get(i + 1), null, null);
            } else if ((option.equals("-m") || option.equals("--module")) && hasValue) {
                return new JavaCommand(null, options.get(i + 1), classPath);
            } else if (CLASS_PATH.contains(option) && hasValue) {
                classPath = options.get(++i);
            } else if (option.startsWith("--class-path=")) {
                classPath = option.substring("--class-path=".length());
            } else if (WITH_VALUE.contains(option)) {
                i++;
            } else if (!option.startsWith("-")) {
                return new JavaCommand(null, option, classPath != null ? classPath : classPathVariable.orElse(null));
            }
        }
        return new JavaCommand(null, null, classPath != null ? classPath : classPathVariable.orElse(null));
    }

    /** {@code @file} arguments replaced by the arguments in the file, until {@code --disable-@files}. */
    private static List<String> expandArgumentFiles(List<String> arguments, Path workingDirectory) {
        List<String> expanded = new ArrayList<>();
        boolean expand = true;
        for (String argument : arguments) {
            if (argument.equals("--disable-@files")) {
                expand = false;
            } else if (expand && argument.startsWith("@@")) {
                expanded.add(argument.substring(1));
            } else if (expand && argument.startsWith("@") && argument.length() > 1) {
                expanded.addAll(ArgumentFile.read(workingDirectory.resolve(argument.substring(1))));
            } else {
                expanded.add(argument);
            }
        }
        return expanded;
    }

    /**
     * The jars the application loads from, in order: the main jar or the class path's jars (with
     * {@code dir/*} wildcards expanded, relative entries resolved against the process's working
     * directory), then the jars their manifests' {@code Class-Path} names, as the JVM follows them.
     */
    List<Path> jars(Path workingDirectory) {
        List<Path> entries = new ArrayList<>();
        if (mainJar != null) {
            entries.add(workingDirectory.resolve(mainJar).normalize());
        } else if (classPath != null) {
            for (String entry : classPath.split(java.io.File.pathSeparator)) {
                entries.addAll(expand(entry, workingDirectory));
            }
        }
        Set<Path> jars = new LinkedHashSet<>();
        Deque<Path> pending = new ArrayDeque<>(entries);
        while (!pending.isEmpty()) {
            Path jar = pending.removeFirst();
            if (Files.isRegularFile(jar) && isJar(jar) && jars.add(jar)) {
                pending.addAll(manifestClassPath(jar));
            }
        }
        return List.copyOf(jars);
    }

    /** The main jar as a path, or the jar among {@code jars} that holds the main class; null when neither. */
    Path applicationJar(Path workingDirectory, List<Path> jars) {
        if (mainJar != null) {
            return workingDirectory.resolve(mainJar).normalize();
        }
        if (mainClass == null) {
            return null;
        }
        String entry = mainClass.replace('.', '/') + ".class";
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile(), false)) {
                if (file.getEntry(entry) != null || file.getEntry("BOOT-INF/classes/" + entry) != null) {
                    return jar;
                }
            } catch (IOException unreadable) {
                // fingerprinted as unreadable; it cannot be the one that tells the version
            }
        }
        return null;
    }

    private static List<Path> expand(String entry, Path workingDirectory) {
        if (!entry.equals("*") && !entry.endsWith("/*")) {
            return entry.isEmpty() ? List.of() : List.of(workingDirectory.resolve(entry).normalize());
        }
        Path folder = workingDirectory.resolve(entry.substring(0, entry.length() - 1)).normalize();
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, JavaCommand::isJar)) {
            files.forEach(jars::add);
        } catch (IOException absent) {
            return List.of(); // the JVM skips a missing folder too
        }
        jars.sort(null);
        return jars;
    }

    private static boolean isJar(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar");
    }

    /** The jars a jar's manifest adds ({@code Class-Path}: URLs relative to the jar's folder). */
    private static List<Path> manifestClassPath(Path jar) {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest manifest = file.getManifest();
            String value = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (value == null || value.isBlank()) {
                return List.of();
            }
            URI folder = jar.toAbsolutePath().getParent().toUri();
            List<Path> added = new ArrayList<>();
            for (String url : value.strip().split("\\s+")) {
                try {
                    URI resolved = folder.resolve(url);
                    if ("file".equals(resolved.getScheme())) {
                        added.add(Path.of(resolved).normalize());
                    }
                } catch (IllegalArgumentException malformed) {
                    // the JVM ignores a malformed entry too
                }
            }
            return added;
        } catch (IOException unreadable) {
            return List.of();
        }
    }
}
