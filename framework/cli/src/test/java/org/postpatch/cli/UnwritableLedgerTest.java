package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.testing.ProbeFiles;

/** A read-only ledger can be read and says so when written; an unwritable folder is one clear line. */
class UnwritableLedgerTest {

    @TempDir
    Path folder;

    private final Cli cli = new Cli();
    private final Unwritable unwritable = new Unwritable();

    @AfterEach
    void makeWritableAgain() throws Exception {
        unwritable.close();
    }

    private String probes() {
        return new ProbeFiles(folder).write("probes.yaml", "suite: shop\nprobes: [{ id: health, pass: {} }]\n").toString();
    }

    @Test
    void historyReadsAReadOnlyLedgerAndBaselineSaysItIsReadOnly() throws Exception {
        String file = probes();
        String ledger = folder.resolve("ledger").toString();
        Path database = folder.resolve("ledger.mv.db");
        assertThat(cli.run("baseline", "--ledger", ledger, "--target", "node-1", file)).as(cli.err()).isZero();
        String recorded = cli.out().replaceAll("(?s).*baseline (\\S+) recorded for.*", "$1");
        unwritable.make(database);

        assertThat(cli.run("history", "--ledger", ledger)).as(cli.err()).isZero();
        assertThat(cli.out()).contains(recorded).contains("shop on node-1: 1 run");

        Path report = folder.resolve("baseline.json");
        assertThat(cli.run("baseline", "--ledger", ledger, "--target", "node-1", "--report", "json=" + report, file))
                .isEqualTo(3);
        assertThat(cli.err()).contains("postpatch: the baseline was NOT recorded (a later 'verify' cannot judge against it): "
                + "the ledger at " + database + " is read-only (cannot record run ");
        assertThat(report).exists();

        assertThat(cli.run("verify", "--ledger", ledger, "--target", "node-1", file)).as(cli.err()).isEqualTo(3);
        assertThat(cli.out()).contains("Judging against baseline " + recorded);
        assertThat(cli.err()).contains("the run was NOT recorded (exit 3; its verdict was PASS): the ledger at " + database
                + " is read-only");

        assertThat(cli.run("history", "--ledger", ledger, "--mark-rolled-back", recorded)).isEqualTo(3);
        assertThat(cli.err()).contains("the ledger at " + database + " is read-only (cannot mark run " + recorded);
    }

    @Test
    void aLedgerThatCannotBeCreatedIsOneClearLineAndItsStackTraceOnlyWhenDebugging() throws Exception {
        String file = probes();
        Path locked = Files.createDirectory(folder.resolve("locked"));
        unwritable.make(locked);
        Path report = folder.resolve("baseline.json");

        CliProcess.Finished plain = CliProcess.in(folder).run("baseline", "--ledger", locked.resolve("ledger").toString(),
                "--report", "json=" + report, file);

        assertThat(plain.exitCode()).as(plain.output()).isEqualTo(3);
        assertThat(plain.output()).contains("postpatch: the baseline was NOT recorded (a later 'verify' cannot judge "
                        + "against it): cannot create the ledger " + locked.resolve("ledger.mv.db") + ": its folder " + locked
                        + " is not writable")
                .doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(plain.output().lines().filter(line -> line.startsWith("postpatch:"))).hasSize(2); // the report, the ledger
        assertThat(report).exists();

        CliProcess.Finished debugging = CliProcess.in(folder).with("POSTPATCH_DEBUG", "1")
                .run("baseline", "--ledger", locked.resolve("ledger").toString(), file);
        assertThat(debugging.exitCode()).isEqualTo(3);
        assertThat(debugging.output()).contains("org.postpatch.ledger.LedgerException: cannot create the ledger ")
                .contains("\tat org.postpatch.ledger.Ledgers.open");
    }

    @Test
    void aLedgerInAnUnwritableFolderIsStillRecordedIn() throws Exception {
        String file = probes();
        Path shared = Files.createDirectory(folder.resolve("shared"));
        String ledger = shared.resolve("ledger").toString();
        assertThat(cli.run("baseline", "--ledger", ledger, "--target", "node-1", file)).as(cli.err()).isZero();
        unwritable.make(shared);

        CliProcess.Finished baseline = CliProcess.in(folder).run("baseline", "--ledger", ledger, "--target", "node-1", file);

        assertThat(baseline.exitCode()).as(baseline.output()).isZero();
        assertThat(baseline.output()).contains("recorded for shop on node-1").doesNotContain("\tat ");
        assertThat(cli.run("history", "--ledger", ledger)).isZero();
        assertThat(cli.out()).contains("shop on node-1: 2 runs");
    }
}
