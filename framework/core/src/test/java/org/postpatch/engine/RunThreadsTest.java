package org.postpatch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;
import org.postpatch.run.Runner;
import org.postpatch.testing.ProbeFiles;

/** A process that runs many runs ({@code postpatch serve}, an embedded self-test) keeps no thread of them. */
class RunThreadsTest {

    @TempDir
    Path folder;

    @Test
    void fiftyRunsLeaveNoThreadBehind() {
        ProbeFiles files = new ProbeFiles(folder);
        Path suite = files.write("probes.yaml", """
                suite: s
                probes:
                  - id: fine
                    pass: {}
                  - id: slow-to-answer
                    timeout: 100ms
                    sleep: { for: 30s }
                  - id: after-fine
                    needs: [fine]
                    echo: { text: ok }
                  - id: after-slow
                    needs: [slow-to-answer]
                    pass: {}
                """);
        Path deadline = files.write("deadline.yaml", """
                suite: d
                probes:
                  - id: outlived-by-the-run
                    timeout: 60s
                    sleep: { for: 30s }
                """);
        // Threads of earlier tests in this JVM (an attempt that ignores interruption runs on) are not this test's.
        Set<Thread> earlier = Set.copyOf(Thread.getAllStackTraces().keySet());
        int before = liveThreads();

        for (int run = 1; run <= 50; run++) {
            if (run % 10 == 0) {
                RunResult result = files.run(runner().timeout(Duration.ofMillis(200)), deadline);
                assertThat(status(result, "outlived-by-the-run")).isEqualTo(ProbeStatus.FAILED);
            } else {
                RunResult result = files.run(runner(), suite);
                assertThat(status(result, "slow-to-answer")).isEqualTo(ProbeStatus.FAILED);
                assertThat(status(result, "after-fine")).isEqualTo(ProbeStatus.PASSED);
                assertThat(status(result, "after-slow")).isEqualTo(ProbeStatus.BLOCKED);
            }
        }

        await("the runs' threads to end").atMost(Duration.ofSeconds(20)).pollInSameThread().untilAsserted(() -> {
            assertThat(postpatchThreads(earlier)).isEmpty();
            assertThat(liveThreads()).isLessThanOrEqualTo(before);
        });
    }

    @Test
    void attemptsThatIgnoreTheirInterruptionDoNotHoldUpTheNextProbes() {
        ProbeFiles files = new ProbeFiles(folder);
        Path suite = files.write("stuck.yaml", """
                suite: stuck
                probes:
                  - id: stuck-1
                    timeout: 200ms
                    hang: {}
                  - id: stuck-2
                    timeout: 200ms
                    hang: {}
                  - id: fine
                    pass: {}
                """);
        long start = System.nanoTime();

        // One probe at a time: each stuck attempt keeps its thread, so the next probes need another.
        RunResult result = files.run(runner().parallel(1).timeout(Duration.ofSeconds(30)), suite);

        assertThat(status(result, "stuck-1")).isEqualTo(ProbeStatus.FAILED);
        assertThat(status(result, "stuck-2")).isEqualTo(ProbeStatus.FAILED);
        assertThat(status(result, "fine")).isEqualTo(ProbeStatus.PASSED);
        assertThat(result.timedOut()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    private Runner.Builder runner() {
        return Runner.builder().parallel(4).attachments(folder.resolve("attachments"));
    }

    private static ProbeStatus status(RunResult run, String id) {
        return run.probes().stream().filter(p -> p.id().equals(id)).map(ProbeResult::status).findFirst().orElseThrow();
    }

    private static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /**
     * The engine's threads still alive: any made since {@code earlier}, and any waiting idle in a pool
     * for more work (a pool outliving its run). A thread of an earlier test still running an attempt
     * that ignores interruption is neither.
     */
    private static List<String> postpatchThreads(Set<Thread> earlier) {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().getName().startsWith("postpatch-"))
                .filter(thread -> !earlier.contains(thread.getKey()) || idleInAPool(thread.getValue()))
                .map(thread -> thread.getKey().getName()).sorted().toList();
    }

    private static boolean idleInAPool(StackTraceElement[] stack) {
        return Arrays.stream(stack).anyMatch(frame -> frame.getClassName().equals(ThreadPoolExecutor.class.getName())
                && frame.getMethodName().equals("getTask"));
    }
}
