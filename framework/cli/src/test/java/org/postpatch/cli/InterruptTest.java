package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.testing.ProbeFiles;

/** SIGTERM and Ctrl-C end a run cleanly: partial reports marked interrupted, exit code 3. */
class InterruptTest {

    @TempDir
    Path folder;

    @Test
    void sigtermWritesPartialReportsAndExitsThree() throws Exception {
        Path file = new ProbeFiles(folder).write("p.yaml", """
                suite: long
                probes:
                  - id: quick
                    pass: {}
                  - id: endless
                    needs: [quick]
                    timeout: 10m
                    sleep: { for: 10m }
                  - id: after
                    needs: [endless]
                    pass: {}
                """);
        Path report = folder.resolve("report.json");
        Path console = folder.resolve("console.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--ledger", "none", "--report", "json=" + report, file.toString())
                .redirectErrorStream(true)
                .redirectOutput(console.toFile())
                .start();
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(console).contains("PASSED   quick"));

        process.destroy(); // SIGTERM
        assertThat(process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();

        assertThat(process.exitValue()).isEqualTo(3);
        assertThat(Files.readString(console)).contains("interrupted (SIGTERM)")
                .contains("FAILED   endless").contains("abandoned: interrupted")
                .contains("(interrupted: results are partial)");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("interrupted").asBoolean()).isTrue();
        assertThat(json.get("probes").get(2).get("status").asText()).isEqualTo("SKIPPED");
    }

    @Test
    void aSecondSignalKillsEverythingTheRunStartedBeforeExitingAtOnce() throws Exception {
        String marker = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        Path file = new ProbeFiles(folder).write("p.yaml", """
                suite: stubborn
                probes:
                  - id: forks-twice
                    timeout: 10m
                    command: [bash, -c, "(sleep 601.%1$s &); sleep 602.%1$s"]
                  - id: tree
                    timeout: 10m
                    command: { shell: true, run: "sleep 603.%1$s & sleep 604.%1$s; wait" }
                """.formatted(marker));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--ledger", "none", file.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("console.txt").toFile()).start();
        try {
            await("the four sleeps to run").atMost(Duration.ofSeconds(60)).until(() -> leftovers(marker).stream()
                    .filter(started -> started.info().command().orElse("").endsWith("sleep")).count() == 4);

            // Two signals at once (sent while the process is stopped, delivered together when it
            // continues): the second is handled before the first has stopped the probes.
            String pid = String.valueOf(process.pid());
            assertThat(new ProcessBuilder("sh", "-c", "kill -STOP %1$s; kill -INT %1$s; kill -TERM %1$s; kill -CONT %1$s"
                    .formatted(pid)).start().waitFor()).isZero();

            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exited after the second signal").isTrue();
            assertThat(process.exitValue()).isEqualTo(3);
            await("every process the run started to be gone").atMost(Duration.ofSeconds(10))
                    .until(() -> leftovers(marker).isEmpty());
        } finally {
            process.destroyForcibly();
            leftovers(marker).forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** The processes whose command line holds the marker, wherever they were re-parented. */
    private static List<ProcessHandle> leftovers(String marker) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains("." + marker)).orElse(false))
                .toList();
    }
}
