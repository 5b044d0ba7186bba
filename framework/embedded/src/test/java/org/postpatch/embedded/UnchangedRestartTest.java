package org.postpatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.endpoint.LastRun;
import org.postpatch.endpoint.SelfTestStatus;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.LedgerRun;
import org.postpatch.ledger.Ledgers;
import org.postpatch.testing.ProbeFiles;

/**
 * An application restarting unchanged learns that nothing is due from the record beside its H2
 * ledger, without starting the database; whenever the record cannot be trusted — another
 * fingerprint, missing, corrupt, stale, the ledger written since by another process — the ledger
 * decides, as it always did, and a due run is never skipped.
 */
class UnchangedRestartTest {

    @TempDir
    Path folder;

    private Path probes;
    private String ledger;
    private Path record;

    @BeforeEach
    void probeFiles() throws Exception {
        probes = new ProbeFiles(folder).write("probes/orders.yaml", """
                suite: orders
                probes:
                  - id: always
                    pass: {}
                """);
        ledger = folder.resolve("ledger").toString();
        record = folder.resolve("ledger" + LastRunRecord.SUFFIX);
    }

    @Test
    void anUnchangedRestartIsDecidedByTheRecordWithoutStartingTheLedgerDatabase() throws Exception {
        Path first = folder.resolve("first.classes");
        String recorded = startProcessAndAwaitDecision(first);
        assertThat(Files.readString(first)).as("the first start reads and writes the ledger").contains("org.h2.Driver");

        Path unchanged = folder.resolve("unchanged.classes");
        assertThat(startProcessAndAwaitDecision(unchanged)).as("no run on an unchanged restart").isEqualTo(recorded);
        assertThat(Files.readAllLines(unchanged)).as("classes loaded by the unchanged restart")
                .noneMatch(line -> line.contains(" org.h2."));
        assertThat(runs()).hasSize(1);
    }

    @Test
    void aChangedFingerprintRunsDespiteAValidRecord() {
        String before = firstRunOn("1.0.0");

        String after = restartOn("1.0.1");

        assertThat(after).isNotEqualTo(before);
        assertThat(runs()).extracting(LedgerRun::runId).containsExactly(after, before);
    }

    @Test
    void aMissingRecordLeavesTheDecisionToTheLedgerAndIsWrittenAgain() throws Exception {
        String before = firstRunOn("1.0.0");
        Files.delete(record);

        assertThat(restartOn("1.0.0")).as("nothing due, by the ledger").isEqualTo(before);
        assertThat(Files.readString(record)).contains(before);
        assertThat(runs()).hasSize(1);
    }

    @Test
    void aCorruptRecordIsNotTrusted() throws Exception {
        String before = firstRunOn("1.0.0");
        Files.writeString(record, "{\"format\":1,\"target\":\"node-1\",\"runs\":{\"orders\":");

        assertThat(restartOn("1.0.0")).as("nothing due, by the ledger").isEqualTo(before);
        assertThat(Files.readString(record)).contains(before);

        // A record that parses but names the suite on the fingerprint of another version.
        Files.writeString(record, Files.readString(record).replaceAll("\"fingerprintDigest\":\"[0-9a-f]+\"",
                "\"fingerprintDigest\":\"0000\""));
        assertThat(restartOn("1.0.0")).as("nothing due, by the ledger").isEqualTo(before);
        assertThat(runs()).hasSize(1);
    }

    @Test
    void aStaleRecordNeverHidesARunTheLedgerSaysIsDue() throws Exception {
        firstRunOn("1.0.0");
        byte[] onTheFirstVersion = Files.readAllBytes(record);
        String patched = restartOn("1.0.1");
        // Back to 1.0.0 (a rollback), with the record of the first start put back: it says that the
        // last run was on 1.0.0, but the ledger's last run is the one on 1.0.1.
        Files.write(record, onTheFirstVersion);

        String rolledBack = restartOn("1.0.0");

        assertThat(rolledBack).isNotEqualTo(patched);
        assertThat(runs()).hasSize(3);
        assertThat(runs().get(0).runId()).isEqualTo(rolledBack);
    }

    @Test
    void aRunRecordedByAnotherProcessAfterTheRecordIsSeen() throws Exception {
        String before = firstRunOn("1.0.0");
        // The command line records a run of the same suite on the same target, on another version,
        // and leaves the record as it was.
        String recordedMeanwhile = recordInAnotherProcess("cli-run-1", "2.0.0");
        assertThat(Files.readString(record)).contains(before).doesNotContain(recordedMeanwhile);

        String after = restartOn("1.0.0");

        assertThat(after).isNotEqualTo(before);
        assertThat(runs()).extracting(LedgerRun::runId).containsExactly(after, recordedMeanwhile, before);
    }

    @Test
    void theRecordIsOnlyForTheTargetThatWroteIt() throws Exception {
        firstRunOn("1.0.0");
        try (SelfTest other = PostPatch.embedded().probesFrom(probes.getParent().toString()).target("node-2")
                .appVersion("1.0.0").ledger(ledger).start()) {
            LastRun run = awaitDecision(other);
            assertThat(run.target()).as("node-2 runs: nothing of it is recorded yet").isEqualTo("node-2");
        }
        assertThat(runs()).extracting(LedgerRun::target).containsExactly("node-2", "node-1");
    }

    /** The first start on this version: runs, records, and writes the record beside the ledger. */
    private String firstRunOn(String version) {
        return restartOn(version);
    }

    /** Starts the self-test on this version, waits until it decided (and ran, if it had to) and the record is written. */
    private String restartOn(String version) {
        try (SelfTest selfTest = SelfTests.start(probes, ledger, version)) {
            String runId = awaitDecision(selfTest).runId();
            await("the record of run " + runId).atMost(Duration.ofSeconds(60))
                    .until(() -> Files.exists(record) && Files.readString(record).contains(runId));
            return runId;
        }
    }

    private static LastRun awaitDecision(SelfTest selfTest) {
        await("the self-test's decision").atMost(Duration.ofSeconds(60)).until(() -> {
            SelfTestStatus status = selfTest.status();
            return status.phase() == SelfTestStatus.Phase.IDLE && !status.running() && status.lastRun().isPresent();
        });
        return selfTest.lastRun().orElseThrow();
    }

    private List<LedgerRun> runs() {
        try (Ledger opened = Ledgers.open(ledger)) {
            return opened.history("orders", null, 10);
        }
    }

    private String recordInAnotherProcess(String runId, String version) throws Exception {
        Process writer = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                CommandLineRecording.class.getName(), ledger, "orders", "node-1", runId, version)
                .redirectErrorStream(true).start();
        String output = new String(writer.getInputStream().readAllBytes());
        assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(writer.exitValue()).as(output).isZero();
        return runId;
    }

    /**
     * Starts {@link SelfTestingApp} as a process logging the classes it loads, waits until its self-test
     * decided and the record is written, stops it and returns the last run's id.
     */
    private String startProcessAndAwaitDecision(Path classLog) throws Exception {
        Path portFile = folder.resolve(classLog.getFileName() + ".port");
        Path output = folder.resolve(classLog.getFileName() + ".log");
        Process app = new ProcessBuilder(java(), "-Xlog:class+load:file=" + classLog, "-cp",
                System.getProperty("java.class.path"), SelfTestingApp.class.getName(), probes.getParent().toString(),
                ledger, portFile.toString()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(portFile) || !app.isAlive());
            assertThat(app.isAlive()).as(Files.readString(output)).isTrue();
            Http http = new Http(Integer.parseInt(Files.readString(portFile).trim()));
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                var summary = http.get("/selftest", "app-token").json();
                return summary.path("phase").asText().equals("IDLE") && summary.has("lastRunAt");
            });
            String runId = http.get("/selftest/runs/latest", "app-token").json().path("runId").asText();
            await("the record of run " + runId).atMost(Duration.ofSeconds(60))
                    .until(() -> Files.exists(record) && Files.readString(record).contains(runId));
            return runId;
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
