package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The command line in a JVM of its own, started as {@code bin/postpatch} starts it: for what only a
 * real process shows — a file-size limit, a umask, the environment, several processes at once.
 */
final class CliProcess {

    private static final AtomicInteger STARTED = new AtomicInteger();

    private final Path folder;
    private final String shellFirst;
    private final Map<String, String> environment;

    private CliProcess(Path folder, String shellFirst, Map<String, String> environment) {
        this.folder = folder;
        this.shellFirst = shellFirst;
        this.environment = environment;
    }

    /** Processes whose console output is kept in files in this folder. */
    static CliProcess in(Path folder) {
        return new CliProcess(folder, null, Map.of());
    }

    /** The same, started by bash after this shell command (like {@code ulimit -f 40} or {@code umask 022}). */
    CliProcess after(String shellCommand) {
        return new CliProcess(folder, shellCommand, environment);
    }

    /** The same, with this environment variable set. */
    CliProcess with(String name, String value) {
        Map<String, String> more = new HashMap<>(environment);
        more.put(name, value);
        return new CliProcess(folder, shellFirst, more);
    }

    /** Runs {@code postpatch args...} to its end (two minutes at most, for a busy machine). */
    Finished run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (shellFirst != null) {
            command.addAll(List.of("bash", "-c", shellFirst + " && exec \"$@\"", "bash"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path console = folder.resolve("console-" + STARTED.incrementAndGet() + ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().remove("POSTPATCH_DEBUG");
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean ended;
        try {
            ended = process.waitFor(120, TimeUnit.SECONDS);
        } finally {
            // Also when the test gives up (interrupted): no postpatch outlives it in its temporary folder.
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        assertThat(ended).as("postpatch %s ended within 120s; it printed:%n%s", String.join(" ", args),
                Files.readString(console)).isTrue();
        return new Finished(process.exitValue(), Files.readString(console));
    }

    /** How a process ended: its exit code and what it printed (stdout and stderr, interleaved). */
    record Finished(int exitCode, String output) {
    }
}
