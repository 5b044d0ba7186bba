package org.postpatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;
import org.postpatch.result.Verdict;
import org.postpatch.run.Runner;
import org.postpatch.testing.ProbeFiles;

class SchedulingTest {

    @TempDir
    Path folder;

    private static ProbeResult probe(RunResult run, String id) {
        return run.probes().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void probeWhoseNeedFailedIsBlockedAndNeverRuns() {
        Path sideEffect = folder.resolve("ran.txt");
        RunResult run = new ProbeFiles(folder).run("""
                suite: s
                probes:
                  - id: health
                    fail: { message: "expected status 200 but was 500" }
                  - id: create-order
                    needs: [health]
                    touch: { file: "%s" }
                  - id: list-orders
                    needs: [create-order]
                    touch: { file: "%s" }
                """.formatted(sideEffect, sideEffect));

        assertThat(run.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(probe(run, "health").status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(probe(run, "create-order").status()).isEqualTo(ProbeStatus.BLOCKED);
        assertThat(probe(run, "create-order").message()).isEqualTo("blocked: needs 'health', which did not pass");
        assertThat(probe(run, "list-orders").status()).isEqualTo(ProbeStatus.BLOCKED);
        assertThat(probe(run, "list-orders").blockedBy()).containsExactly("health");
        assertThat(sideEffect).doesNotExist();
    }

    @Test
    void hungProbeIsAbandonedAtItsTimeout() {
        long start = System.nanoTime();
        RunResult run = new ProbeFiles(folder).run("""
                suite: s
                probes:
                  - id: stuck
                    timeout: 300ms
                    hang: {}
                  - id: fine
                    pass: {}
                """);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(probe(run, "stuck").status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(probe(run, "stuck").message()).isEqualTo("timed out after 300ms");
        assertThat(probe(run, "fine").status()).isEqualTo(ProbeStatus.PASSED);
    }

    @Test
    void retryPollsUntilTheProbePassesAndCountsAttempts() {
        RunResult run = new ProbeFiles(folder).run("""
                suite: s
                probes:
                  - id: warming-up
                    retry: { until: 10s, every: 20ms }
                    flaky: { key: "%s", passOnAttempt: 3 }
                """.formatted(folder));
        assertThat(probe(run, "warming-up").status()).isEqualTo(ProbeStatus.PASSED);
        assertThat(probe(run, "warming-up").attempts()).isEqualTo(3);
    }

    @Test
    void warningFailuresGiveWarn() {
        RunResult run = new ProbeFiles(folder).run("""
                suite: s
                probes:
                  - id: ok
                    pass: {}
                  - id: disk-space
                    severity: warning
                    fail: { message: "85% used" }
                """);
        assertThat(run.verdict()).isEqualTo(Verdict.WARN);
    }

    @Test
    void capturedValuesReachTheProbesThatNeedThem() {
        RunResult run = new ProbeFiles(folder).run("""
                suite: s
                probes:
                  - id: create
                    emit: { orderId: "A-42" }
                  - id: read
                    needs: [create]
                    echo: { text: "order ${orderId}" }
                """);
        assertThat(probe(run, "read").message()).isEqualTo("order A-42");
    }

    @Test
    void capturedValuesOfSeveralNeedsMergeNeedByNeedTheLaterWinning() {
        // Each need brings what it saw (from the probes it needs) and then what it captured itself;
        // the needs are taken in their order, so a later need's line wins, even through a farther probe.
        RunResult run = new ProbeFiles(folder).run("""
                suite: s
                probes:
                  - id: c
                    emit: { x: from-c, y: from-c }
                  - id: a
                    needs: [c]
                    emit: { x: from-a }
                  - id: b
                    needs: [c]
                    emit: { y: from-b }
                  - id: a-then-b
                    needs: [a, b]
                    echo: { text: "${x} ${y}" }
                  - id: b-then-a
                    needs: [b, a]
                    echo: { text: "${x} ${y}" }
                  - id: through-a
                    needs: [a]
                    echo: { text: "${x} ${y}" }
                """);
        assertThat(probe(run, "a-then-b").message()).isEqualTo("from-c from-b");
        assertThat(probe(run, "b-then-a").message()).isEqualTo("from-a from-c");
        assertThat(probe(run, "through-a").message()).isEqualTo("from-a from-c");
    }

    @Test
    void runDeadlineAbandonsRunningProbesAndSkipsTheRest() {
        long start = System.nanoTime();
        RunResult run = new ProbeFiles(folder).run(Runner.builder().parallel(1).timeout(Duration.ofMillis(400)),
                new ProbeFiles(folder).write("p.yaml", """
                        suite: s
                        probes:
                          - id: slow
                            sleep: { for: 30s }
                            timeout: 60s
                          - id: later
                            pass: {}
                        """));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(run.timedOut()).isTrue();
        assertThat(probe(run, "slow").status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(probe(run, "slow").message()).contains("timeout");
        assertThat(probe(run, "later").status()).isEqualTo(ProbeStatus.SKIPPED);
        assertThat(run.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void independentProbesRunInParallel() {
        StringBuilder yaml = new StringBuilder("suite: s\nprobes:\n");
        for (int i = 0; i < 8; i++) {
            yaml.append("  - id: p").append(i).append("\n    meet: { key: '").append(folder).append("', parties: 8 }\n");
        }
        RunResult run = new ProbeFiles(folder).run(Runner.builder().parallel(8),
                new ProbeFiles(folder).write("p.yaml", yaml.toString()));
        assertThat(run.probes()).allSatisfy(p -> assertThat(p.status()).as(p.message()).isEqualTo(ProbeStatus.PASSED));
    }

    @Test
    void parallelLimitIsRespected() {
        StringBuilder yaml = new StringBuilder("suite: s\nprobes:\n");
        for (int i = 0; i < 3; i++) {
            yaml.append("  - id: p").append(i).append("\n    timeout: 20s\n    meet: { key: 'limit-").append(folder)
                    .append("', parties: 3, wait: 1s }\n");
        }
        RunResult run = new ProbeFiles(folder).run(Runner.builder().parallel(2).timeout(Duration.ofSeconds(15)),
                new ProbeFiles(folder).write("p.yaml", yaml.toString()));
        // With two at a time, three can never meet: the first two give up after a second.
        assertThat(probe(run, "p0").status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(probe(run, "p0").message()).contains("of 3 ran at once");
    }
}
