package org.postpatch.benchmarks.gauntlet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bin/postpatch} as a deploy script runs it: {@code baseline} before the patch and {@code verify
 * --wait} after it, against the node's port, with {@code --app-port} for the application's own
 * fingerprint and a JSON report to read the verdict from. Everything it prints goes to a log file.
 */
final class PostpatchCli {

    /** How long baseline and verify wait for a (re)started node, as the sample deploy scripts do. */
    static final String WAIT = "120s";

    private final Path script;
    private final Path state;
    /** The command running now, so that a gauntlet stopped halfway leaves none behind ({@link #stop()}). */
    private volatile Process running;

    PostpatchCli(Path script, Path state) {
        this.script = script;
        this.state = state;
    }

    /**
     * One command's outcome.
     *
     * @param exit   its exit code
     * @param ended  when it exited: when the verdict was known
     * @param report its JSON report, or null when it wrote none
     * @param log    what it printed
     */
    record Result(int exit, Instant ended, JsonNode report, Path log) {
    }

    Result run(String verb, Node node, String label) throws IOException, InterruptedException {
        Path report = state.resolve("reports").resolve(label + "-" + verb + ".json");
        Path log = state.resolve("logs").resolve(label + "-" + verb + ".log");
        Files.deleteIfExists(report);
        List<String> command = new ArrayList<>(List.of(script.toString(), verb, node.app().probes().toString(),
                "--var", "base=" + node.baseUrl(), "--target", "gauntlet-" + node.app().name(),
                "--ledger", state.resolve("ledger").toString(), "--app-port", String.valueOf(node.port()),
                "--wait", WAIT, "--report", "json=" + report));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("POSTPATCH_TOKEN");
        builder.environment().remove("POSTPATCH_LEDGER");
        Process process = builder.start();
        running = process;
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException interrupted) {
            process.destroy();
            throw interrupted;
        } finally {
            running = null;
        }
        Instant ended = Instant.now();
        JsonNode json = Files.isRegularFile(report) ? new ObjectMapper().readTree(report.toFile()) : null;
        return new Result(exit, ended, json, log);
    }

    /** Ends the command running now, if any (the gauntlet is stopping). */
    void stop() {
        Process process = running;
        if (process != null) {
            process.destroyForcibly();
        }
    }
}
