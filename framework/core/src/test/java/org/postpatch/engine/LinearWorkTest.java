package org.postpatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.result.RunResult;
import org.postpatch.run.Runner;
import org.postpatch.testing.ProbeFiles;

/**
 * Validating and running a suite costs work in proportion to its probes and needs, never to their
 * square. Work is counted without a clock, as the bytes the calling thread allocates (the thread
 * that reads the files, checks the needs and schedules every probe): for a suite four times as
 * large, linear work allocates about four times as much, quadratic work about sixteen times.
 */
class LinearWorkTest {

    private static final int SMALL = 1_000;
    private static final int LARGE = 4 * SMALL;
    /** Halfway, on a log scale, between linear (4) and quadratic (16). */
    private static final double MOST = 8.0;

    @TempDir
    Path folder;

    @Test
    void validatingANeedsChainIsLinear() {
        ProbeFiles files = new ProbeFiles(folder);
        Path small = files.write("small.yaml", suite(SMALL, true));
        Path large = files.write("large.yaml", suite(LARGE, true));
        assertGrowthIsLinear("validating a needs chain", () -> files.load(small), () -> files.load(large));
    }

    @Test
    void runningANeedsChainIsLinear() {
        ProbeFiles files = new ProbeFiles(folder);
        Path small = files.write("small.yaml", suite(SMALL, true));
        Path large = files.write("large.yaml", suite(LARGE, true));
        assertGrowthIsLinear("running a needs chain", () -> run(files, small), () -> run(files, large));
    }

    @Test
    void runningIndependentProbesIsLinear() {
        ProbeFiles files = new ProbeFiles(folder);
        Path small = files.write("small.yaml", suite(SMALL, false));
        Path large = files.write("large.yaml", suite(LARGE, false));
        assertGrowthIsLinear("running independent probes", () -> run(files, small), () -> run(files, large));
    }

    private void run(ProbeFiles files, Path suite) {
        // One at a time: the scheduler then takes a turn for every probe that finishes.
        RunResult result = files.run(Runner.builder().parallel(1).attachments(folder.resolve("attachments")), suite);
        assertThat(result.probes()).allSatisfy(probe -> assertThat(probe.passed()).as(probe.message()).isTrue());
    }

    private static void assertGrowthIsLinear(String what, Runnable small, Runnable large) {
        // Classes loaded and code compiled first, so that only the work itself is counted.
        small.run();
        large.run();
        long smallBytes = allocatedBy(small);
        long largeBytes = allocatedBy(large);
        double growth = (double) largeBytes / smallBytes;
        assertThat(growth).as(String.format(Locale.ROOT, "%s: %,d bytes for %,d probes, %,d bytes for %,d probes (x%.1f)",
                what, smallBytes, SMALL, largeBytes, LARGE, growth)).isLessThan(MOST);
    }

    private static long allocatedBy(Runnable work) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        work.run();
        return threads.getThreadAllocatedBytes(thread) - before;
    }

    /** {@code size} no-op probes, each needing the one before it when {@code chain}. */
    private static String suite(int size, boolean chain) {
        StringBuilder yaml = new StringBuilder("suite: s\nprobes:\n");
        for (int i = 0; i < size; i++) {
            yaml.append("  - id: p").append(i).append('\n');
            if (chain && i > 0) {
                yaml.append("    needs: [p").append(i - 1).append("]\n");
            }
            yaml.append("    pass: {}\n");
        }
        return yaml.toString();
    }
}
