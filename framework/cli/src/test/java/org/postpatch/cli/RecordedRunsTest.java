package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.LedgerRun;
import org.postpatch.ledger.Ledgers;
import org.postpatch.testing.ProbeFiles;

/**
 * A run the command line calls recorded can be read from the ledger; a run it could not record is
 * said to be so, and still leaves its reports behind.
 */
class RecordedRunsTest {

    private static final Pattern RECORDED = Pattern.compile("baseline (\\S+) recorded for");

    @TempDir
    Path folder;

    private final Cli cli = new Cli();

    private String probes() {
        return new ProbeFiles(folder).write("probes.yaml", "suite: shop\nprobes: [{ id: health, pass: {} }]\n").toString();
    }

    private static String recordedRunId(String output) {
        Matcher recorded = RECORDED.matcher(output);
        assertThat(recorded.find()).as(output).isTrue();
        return recorded.group(1);
    }

    @Test
    void aRunWhoseWriteNeverReachesTheFileIsNotCalledRecorded() throws Exception {
        String file = probes();
        Path ledger = folder.resolve("ledger");
        Path database = folder.resolve("ledger.mv.db");
        assertThat(cli.run("baseline", "--ledger", ledger.toString(), "--target", "node-1", file)).as(cli.err()).isZero();
        String first = recordedRunId(cli.out());
        // The ledger's file may not grow by a byte in these processes: the next write fails as on a
        // full disk, when H2 writes the committed run to the file.
        CliProcess full = CliProcess.in(folder).after("ulimit -f " + Files.size(database) / 1024)
                .with("LC_ALL", "C"); // the file system's words, in English
        Path report = folder.resolve("reports").resolve("baseline.json");

        CliProcess.Finished baseline = full.run("baseline", "--ledger", ledger.toString(), "--target", "node-1",
                "--report", "json=" + report, file);

        assertThat(baseline.exitCode()).as(baseline.output()).isEqualTo(3);
        assertThat(baseline.output()).doesNotContain("recorded for")
                .contains("postpatch: the baseline was NOT recorded (a later 'verify' cannot judge against it): "
                        + "cannot record run ")
                .contains("in the ledger " + database + ": File too large");
        String second = new ObjectMapper().readTree(report.toFile()).get("runId").asText();

        CliProcess.Finished run = full.run("run", "--ledger", ledger.toString(), "--target", "node-1", file);
        assertThat(run.exitCode()).as("a passing run that was not recorded is not complete: " + run.output()).isEqualTo(3);
        assertThat(run.output()).contains("postpatch: the run was NOT recorded (exit 3; its verdict was PASS): cannot record run ")
                .contains("File too large");

        assertThat(cli.run("history", "--ledger", ledger.toString(), "--target", "node-1")).as(cli.err()).isZero();
        assertThat(cli.out()).contains(first).doesNotContain(second);
        try (Ledger read = Ledgers.open(ledger.toString())) {
            assertThat(read.history(null, null, 100)).extracting(LedgerRun::runId).containsExactly(first);
        }
    }

    @Test
    void aBaselineThatCannotBeRecordedStillWritesItsReportsThenExitsThree() throws Exception {
        String file = probes();
        Path corrupt = folder.resolve("corrupt.mv.db");
        Files.writeString(corrupt, "not an H2 database: a file that was overwritten\n".repeat(100), StandardCharsets.UTF_8);
        Path json = folder.resolve("reports").resolve("baseline.json");
        Path junit = folder.resolve("reports").resolve("baseline.xml");

        int code = cli.run("baseline", "--ledger", corrupt.toString(), "--report", "json=" + json,
                "--report", "junit=" + junit, file);

        assertThat(code).as(cli.err()).isEqualTo(3);
        assertThat(cli.out()).doesNotContain("recorded for");
        assertThat(cli.err()).contains("postpatch: wrote json report " + json)
                .contains("postpatch: the baseline was NOT recorded (a later 'verify' cannot judge against it): "
                        + "cannot open the ledger " + corrupt);
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("verdict").asText()).isEqualTo("PASS");
        assertThat(Files.readString(junit)).contains("<testcase").contains("health");
    }
}
