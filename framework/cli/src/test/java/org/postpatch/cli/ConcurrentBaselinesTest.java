package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.LedgerRun;
import org.postpatch.ledger.Ledgers;
import org.postpatch.testing.ProbeFiles;

/** Several postpatch processes recording in one H2 ledger at once lose nothing. */
class ConcurrentBaselinesTest {

    private static final Pattern RECORDED = Pattern.compile("baseline (\\S+) recorded for shop on (\\S+)");
    private static final int PER_LOOP = 20;

    @TempDir
    Path folder;

    @Test
    void twoLoopsOfTwentyBaselineProcessesRecordFortyOfForty() throws Exception {
        String file = new ProbeFiles(folder).write("probes.yaml", "suite: shop\nprobes: [{ id: health, pass: {} }]\n")
                .toString();
        String ledger = folder.resolve("ledger").toString();
        ExecutorService loops = Executors.newFixedThreadPool(2);
        List<Future<List<String>>> recorded = new ArrayList<>();
        try {
            for (String target : List.of("node-a", "node-b")) {
                recorded.add(loops.submit(() -> {
                    List<String> runIds = new ArrayList<>();
                    for (int i = 0; i < PER_LOOP; i++) {
                        CliProcess.Finished baseline = CliProcess.in(folder)
                                .run("baseline", "--ledger", ledger, "--target", target, file);
                        assertThat(baseline.exitCode()).as("baseline %d on %s: %s", i, target, baseline.output()).isZero();
                        Matcher said = RECORDED.matcher(baseline.output());
                        assertThat(said.find()).as(baseline.output()).isTrue();
                        runIds.add(said.group(1));
                    }
                    return runIds;
                }));
            }
            List<String> runIds = new ArrayList<>(recorded.get(0).get());
            runIds.addAll(recorded.get(1).get());

            assertThat(runIds).hasSize(2 * PER_LOOP).doesNotHaveDuplicates();
            try (Ledger read = Ledgers.open(ledger)) {
                assertThat(read.history("shop", null, 1000)).extracting(LedgerRun::runId)
                        .containsExactlyInAnyOrderElementsOf(runIds);
            }
            Cli cli = new Cli();
            assertThat(cli.run("history", "--ledger", ledger, "--limit", "100")).isZero();
            assertThat(cli.out()).contains("shop on node-a: 20 runs").contains("shop on node-b: 20 runs");
        } finally {
            loops.shutdownNow(); // a loop still running stops, its process killed (see CliProcess)
            assertThat(loops.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
    }
}
