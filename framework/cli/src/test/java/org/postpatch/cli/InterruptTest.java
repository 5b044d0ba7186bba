package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
}
