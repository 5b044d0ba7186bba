package org.postpatch.probes.system.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.postpatch.probes.system.SystemProbeRuns.runOne;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.result.ProbeResult;

/**
 * A command that outlives its probe must not outlive the attempt: each test starts {@code sleep}
 * with a duration nobody else uses, so that a process left behind can be found by its command line.
 */
class CommandCleanupTest {

    @TempDir
    Path folder;

    private final String marker = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));

    /** A sleep long enough to outlive any test, recognisable by its fraction. */
    private String sleep(int seconds) {
        return seconds + "." + marker;
    }

    private List<ProcessHandle> leftovers() {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains("." + marker)).orElse(false))
                .toList();
    }

    @AfterEach
    void killLeftoversSoThatAFailingTestDoesNotLeakProcesses() {
        leftovers().forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void timedOutCommandFailsAndIsKilled() {
        long start = System.nanoTime();
        ProbeResult result = runOne(folder, """
                - id: hangs
                  timeout: 1s
                  command: [sleep, "%s"]
                """.formatted(sleep(600)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.message()).isEqualTo("timed out after 1s");
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        await("sleep " + sleep(600) + " to be gone").atMost(Duration.ofSeconds(5)).until(() -> leftovers().isEmpty());
    }

    @Test
    void timedOutShellIsKilledWithEverythingItStarted() {
        long start = System.nanoTime();
        ProbeResult result = runOne(folder, """
                - id: hangs
                  timeout: 1s
                  command:
                    shell: true
                    run: "sleep %s & sleep %s; wait"
                """.formatted(sleep(601), sleep(602)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.message()).isEqualTo("timed out after 1s");
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        await("both sleeps and their shell to be gone").atMost(Duration.ofSeconds(5)).until(() -> leftovers().isEmpty());
    }

    @Test
    void deeperTreesAreKilledToo() {
        ProbeResult result = runOne(folder, """
                - id: hangs
                  timeout: 1s
                  command: [sh, -c, "sh -c 'sleep %s & sleep %s' & sleep %s"]
                """.formatted(sleep(603), sleep(604), sleep(605)));

        assertThat(result.message()).isEqualTo("timed out after 1s");
        await("the whole tree to be gone").atMost(Duration.ofSeconds(5)).until(() -> leftovers().isEmpty());
    }

    @Test
    void backgroundProcessHoldingTheOutputDoesNotHoldUpTheProbe() {
        ProbeResult result = runOne(folder, """
                - id: starts-a-daemon
                  timeout: 10s
                  command: { shell: true, run: "sleep %s & echo started", expect: { stdout: { contains: started } } }
                """.formatted(sleep(606)));

        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(leftovers()).as("the background sleep, which outlived its shell and is not the probe's to kill").hasSize(1);
    }
}
