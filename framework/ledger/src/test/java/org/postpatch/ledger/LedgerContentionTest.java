package org.postpatch.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.result.Verdict;

/** An H2 ledger that another process holds is waited for, up to a bound, and then used. */
class LedgerContentionTest {

    @TempDir
    Path folder;

    private String location;
    private Process holder;

    @BeforeEach
    void createALedgerAndLetAnotherProcessHoldIt() throws Exception {
        location = folder.resolve("ledger").toString();
        Ledgers.open(location).close();
        Path log = folder.resolve("holder.log");
        holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LedgerHolder.class.getName(), location)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(log).contains("holding"));
    }

    @AfterEach
    void stopHolding() throws Exception {
        holder.getOutputStream().close();
        if (!holder.waitFor(30, TimeUnit.SECONDS)) {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void recordingWaitsForTheProcessHoldingTheLedgerThenRecords() throws Exception {
        LedgerRun run = Runs.run("waited", "orders", "node-1", RunKind.BASELINE, Instant.now(), Verdict.PASS, Runs.jvm("17"));
        CompletableFuture<Void> recording = CompletableFuture.runAsync(() -> {
            try (Ledger ledger = Ledgers.open(location)) {
                ledger.record(List.of(run), "{}");
            }
        });
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> !recording.isDone());

        holder.getOutputStream().close();

        recording.get(60, TimeUnit.SECONDS);
        try (Ledger ledger = Ledgers.open(location)) {
            assertThat(ledger.run("waited")).singleElement().extracting(LedgerRun::kind).isEqualTo(RunKind.BASELINE);
        }
    }

    @Test
    void aLedgerHeldLongerThanThePatienceFailsSayingItStayedBusy() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> Ledgers.open(location, Duration.ofSeconds(1)))
                .isInstanceOf(LedgerException.class)
                .hasMessageStartingWith("cannot open the ledger " + location + ".mv.db: other processes kept it busy for 1s (")
                .hasMessageContaining("Database may be already in use");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(30));
    }
}
