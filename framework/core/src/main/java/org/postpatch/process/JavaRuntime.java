package org.postpatch.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The JVM a process runs: its Java home and that home's vendor, version and build, under the
 * names the embedded fingerprint uses ({@code jvm.vendor}, {@code jvm.version}, {@code jvm.build}).
 * A process is a JVM when it has loaded {@code libjvm.so}; its home is the one of its executable
 * ({@code /proc/PID/exe}, {@code HOME/bin/java}) or, for another launcher, the folder above that
 * library. The facts come from the home's {@code release} file or, where there is none, from
 * asking its {@code bin/java} for its properties.
 *
 * @param home     the Java home
 * @param facts    jvm.vendor, jvm.version, jvm.build (those known)
 * @param replaced true when the JVM's files were replaced after the process started (the kernel
 *                 marks its mapped libjvm.so deleted): the facts describe the new files, and the
 *                 process still runs the old JVM until it restarts
 */
record JavaRuntime(Path home, Map<String, String> facts, boolean replaced) {

    private static final long ASK_SECONDS = 30;

    JavaRuntime {
        facts = Map.copyOf(facts);
    }

    static JavaRuntime of(ProcessFiles process) {
        String executable = process.executable();
        String library = process.mappedFiles().stream()
                .filter(file -> file.endsWith("/libjvm.so") || file.endsWith("/libjvm.so" + ProcessFiles.DELETED))
                .findFirst()
                .orElseThrow(() -> new ProcessProblem("process " + process.pid() + " (" + process.name() + ", "
                        + executable + ") is not a JVM: it has not loaded libjvm.so. Name the application's java "
                        + "process, not a script or another program in front of it"));
        boolean replaced = library.endsWith(ProcessFiles.DELETED);
        Path home = home(Path.of(strip(executable)), Path.of(strip(library)));
        Map<String, String> facts = release(home);
        if (facts.size() < 3) {
            // No release file, or a short one (a jlink image's names only the version): its java knows.
            facts = ask(home, process, facts);
        }
        return new JavaRuntime(home, facts, replaced);
    }

    private static String strip(String link) {
        return link.endsWith(ProcessFiles.DELETED) ? link.substring(0, link.length() - ProcessFiles.DELETED.length()) : link;
    }

    /**
     * The executable's home when it is HOME/bin/java (and the library is under it), else, for another
     * launcher, the nearest folder above the library with a release file, or with a bin/java.
     */
    private static Path home(Path executable, Path library) {
        Path executableHome = executable.getParent() == null ? null : executable.getParent().getParent();
        if (executableHome != null && "java".equals(String.valueOf(executable.getFileName()))
                && library.startsWith(executableHome)) {
            return executableHome;
        }
        Path fallback = null;
        for (Path folder = library.getParent(); folder != null && folder.getNameCount() > 1; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("release"))) {
                return folder;
            }
            if (fallback == null && Files.isRegularFile(folder.resolve("bin/java"))) {
                fallback = folder;
            }
        }
        // HOME/lib/server/libjvm.so, the layout of every JDK since 9
        return fallback != null ? fallback : library.getParent().resolve("../..").normalize();
    }

    /** The facts of a release file (IMPLEMENTOR="Eclipse Adoptium", JAVA_VERSION="25.0.1", ...); empty without one. */
    private static Map<String, String> release(Path home) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(home.resolve("release"), StandardCharsets.UTF_8)) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    values.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip().replaceAll("^\"|\"$", ""));
                }
            }
        } catch (IOException absent) {
            return new LinkedHashMap<>();
        }
        Map<String, String> facts = new LinkedHashMap<>();
        put(facts, "jvm.vendor", values.get("IMPLEMENTOR"));
        put(facts, "jvm.version", values.get("JAVA_VERSION"));
        put(facts, "jvm.build", values.getOrDefault("JAVA_RUNTIME_VERSION", values.get("FULL_VERSION")));
        return facts;
    }

    /**
     * What HOME/bin/java says of itself ({@code -XshowSettings:properties -version}), for the facts
     * the release file does not give; what the release file gave is enough when java cannot tell.
     */
    private static Map<String, String> ask(Path home, ProcessFiles process, Map<String, String> fromRelease) {
        Path java = home.resolve("bin/java");
        String problem;
        Path answer = null;
        try {
            answer = Files.createTempFile("postpatch-java-properties", ".txt");
            ProcessBuilder builder = new ProcessBuilder(java.toString(), "-XshowSettings:properties", "-version")
                    .redirectErrorStream(true).redirectOutput(answer.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            // The operator's options are for applications; they must not change what this java prints.
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            builder.environment().remove("JDK_JAVA_OPTIONS");
            builder.environment().remove("_JAVA_OPTIONS");
            Process asked = builder.start();
            asked.getOutputStream().close();
            if (!asked.waitFor(ASK_SECONDS, TimeUnit.SECONDS)) {
                asked.destroyForcibly();
            }
            String output = Files.readString(answer, StandardCharsets.UTF_8);
            Map<String, String> facts = new LinkedHashMap<>(fromRelease);
            for (String line : output.split("\n")) {
                String[] pair = line.strip().split(" = ", 2);
                if (pair.length == 2) {
                    switch (pair[0]) {
                        case "java.vendor" -> facts.putIfAbsent("jvm.vendor", pair[1].strip());
                        case "java.version" -> facts.putIfAbsent("jvm.version", pair[1].strip());
                        case "java.runtime.version" -> facts.putIfAbsent("jvm.build", pair[1].strip());
                        default -> { }
                    }
                }
            }
            if (facts.containsKey("jvm.version")) {
                return facts;
            }
            problem = java + " did not tell (" + output.lines().findFirst().orElse("no output") + ")";
        } catch (IOException e) {
            problem = java + " could not be run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted while asking " + java;
        } finally {
            deleteQuietly(answer);
        }
        if (fromRelease.containsKey("jvm.version")) {
            return fromRelease;
        }
        throw new ProcessProblem("process " + process.pid() + " (" + process.name() + ") runs the JVM in " + home
                + ", which has no release file naming its version, and " + problem + ": its version is unknown");
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException leftInTemp) {
            // a few hundred bytes in the temporary folder
        }
    }

    private static void put(Map<String, String> facts, String name, String value) {
        if (value != null && !value.isBlank()) {
            facts.put(name, value.strip());
        }
    }
}
