package org.postpatch.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.result.Verdict;

/**
 * The command line records a run while it still renders the run's report, and warms the recording up
 * in a throw-away database while the probes run: neither may change what the ledger holds.
 */
class RecordingLateReportTest {

    @TempDir
    Path folder;

    private final Instant start = Instant.parse("2026-12-06T01:00:00Z");

    @Test
    void aReportRenderedWhileTheRowsAreWrittenIsRecordedWithThem() throws Exception {
        CompletableFuture<String> report = new CompletableFuture<>();
        try (Ledger ledger = Ledgers.open(folder.resolve("ledger").toString())) {
            CompletableFuture<Void> recording = CompletableFuture.runAsync(() -> ledger.record(
                    List.of(Runs.run("late-1", "orders", "node-1", RunKind.RUN, start, Verdict.PASS, Runs.jvm("17"))),
                    report::join));
            report.complete("{\"runId\":\"late-1\"}");
            recording.get(60, TimeUnit.SECONDS);

            assertThat(ledger.run("late-1")).extracting(LedgerRun::suite).containsExactly("orders");
            assertThat(ledger.report("late-1")).contains("{\"runId\":\"late-1\"}");
        }
    }

    @Test
    void aRunWhoseReportCouldNotBeRenderedIsNotRecordedAtAll() throws Exception {
        try (Ledger ledger = Ledgers.open(folder.resolve("ledger").toString())) {
            assertThatThrownBy(() -> ledger.record(
                    List.of(Runs.run("unrendered", "orders", "node-1", RunKind.RUN, start, Verdict.PASS, Runs.jvm("17"))),
                    () -> {
                        throw new CompletionException(new IllegalStateException("could not render the JSON report"));
                    }))
                    .hasRootCauseMessage("could not render the JSON report");

            assertThat(ledger.run("unrendered")).isEmpty();
            assertThat(ledger.report("unrendered")).isEqualTo(Optional.empty());
            assertThat(ledger.history(null, null, 10)).isEmpty();
        }
    }

    @Test
    void warmingUpTheRecordingTouchesNoLedger() throws Exception {
        Path location = folder.resolve("ledger");
        Ledgers.warmUpRecording(location.toString(), 50);
        assertThat(folder).isEmptyDirectory();

        try (Ledger ledger = Ledgers.open(location.toString())) {
            ledger.record(List.of(Runs.run("before", "orders", "node-1", RunKind.RUN, start, Verdict.PASS, Runs.jvm("17"))),
                    "{}");
        }
        byte[] recorded = Files.readAllBytes(folder.resolve("ledger.mv.db"));
        Ledgers.warmUpRecording(location.toString(), 200);

        assertThat(Files.readAllBytes(folder.resolve("ledger.mv.db"))).isEqualTo(recorded);
        try (Ledger ledger = Ledgers.open(location.toString())) {
            assertThat(ledger.history(null, null, 10)).extracting(LedgerRun::runId).containsExactly("before");
        }
    }
}
