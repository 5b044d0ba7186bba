package org.postpatch.probes.system.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.result.ProbeResult;
import org.postpatch.testkit.ProbeTestKit;

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
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
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
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
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
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: hangs
                  timeout: 1s
                  command: [sh, -c, "sh -c 'sleep %s & sleep %s' & sleep %s"]
                """.formatted(sleep(603), sleep(604), sleep(605)));

        assertThat(result.message()).isEqualTo("timed out after 1s");
        await("the whole tree to be gone").atMost(Duration.ofSeconds(5)).until(() -> leftovers().isEmpty());
    }

    @Test
    void backgroundProcessHoldingTheOutputDoesNotHoldUpTheProbe() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: starts-a-daemon
                  timeout: 10s
                  command: { shell: true, run: "sleep %s & echo started", expect: { stdout: { contains: started } } }
                """.formatted(sleep(606)));

        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(leftovers()).as("the background sleep, which outlived its shell and is not the probe's to kill").hasSize(1);
    }

    @Test
    void aProcessForkedTwiceOutOfTheTreeIsKilledWithTheCommandsSession() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: double-fork
                  timeout: 1s
                  command: [bash, -c, "(sleep %s &); sleep %s"]
                """.formatted(sleep(607), sleep(608)));

        assertThat(result.message()).isEqualTo("timed out after 1s");
        await("the re-parented sleep and the rest to be gone").atMost(Duration.ofSeconds(5))
                .until(() -> leftovers().isEmpty());
    }

    @Test
    void outputClosedIsFalseWhileAProcessLeftRunningHoldsTheOutput() {
        // Several at once: the JDK closing its end of the pipes as each shell exits used to make
        // some of them read true, depending on which thread came first.
        StringBuilder probes = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            probes.append("""
                    - id: holds-%d
                      command: { shell: true, run: "sleep %s & echo started" }
                    """.formatted(i, sleep(609)));
        }
        probes.append("""
                - id: lets-go
                  command: { shell: true, run: "sleep %s > /dev/null 2>&1 & echo started" }
                - id: plain
                  command: [echo, started]
                """.formatted(sleep(610)));
        List<ProbeResult> results = ProbeTestKit.in(folder).run(ProbeTestKit.suite(probes.toString())).probes();

        for (ProbeResult holding : results.subList(0, 6)) {
            assertThat(holding.details()).as(holding.id()).containsEntry("stdout", "started")
                    .containsEntry("outputClosed", false);
        }
        assertThat(results.get(6).details()).containsEntry("stdout", "started").containsEntry("outputClosed", true);
        assertThat(results.get(7).details()).containsEntry("outputClosed", true);
        assertThat(leftovers()).as("the background sleeps, which the commands started on purpose").hasSize(7);
    }
}
