package org.postpatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.config.InvalidSuiteException;
import org.postpatch.result.RunResult;
import org.postpatch.testing.ProbeFiles;

/** Needs chains far deeper than any stack: validated, blocked and reported like short ones. */
class LongNeedsChainTest {

    private static final int LENGTH = 20_000;

    @TempDir
    Path folder;

    @Test
    void everyProbeOfATwentyThousandLongChainIsBlockedByItsFailedFirstLink() {
        StringBuilder yaml = new StringBuilder("suite: chain\nprobes:\n  - id: link-0\n    fail: { message: down }\n");
        for (int i = 1; i < LENGTH; i++) {
            yaml.append("  - id: link-").append(i).append("\n    needs: [link-").append(i - 1).append("]\n    pass: {}\n");
        }
        ProbeFiles files = new ProbeFiles(folder);

        RunResult run = files.run(yaml.toString());

        assertThat(run.probes()).hasSize(LENGTH);
        assertThat(run.probes().get(0).status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(run.probes().get(1).message()).isEqualTo("blocked: needs 'link-0', which did not pass");
        assertThat(run.probes().subList(1, LENGTH)).allSatisfy(probe -> {
            assertThat(probe.status()).isEqualTo(ProbeStatus.BLOCKED);
            assertThat(probe.blockedBy()).containsExactly("link-0");
        });
        assertThat(run.probes().get(LENGTH - 1).message())
                .isEqualTo("blocked: 'link-0' did not pass (needed through 'link-" + (LENGTH - 2) + "')");
    }

    @Test
    void aTwentyThousandLongCycleIsOneProblem() {
        StringBuilder yaml = new StringBuilder("suite: cycle\nprobes:\n");
        for (int i = 0; i < LENGTH; i++) {
            yaml.append("  - id: link-").append(i).append("\n    needs: [link-").append((i + 1) % LENGTH)
                    .append("]\n    pass: {}\n");
        }
        ProbeFiles files = new ProbeFiles(folder);
        Path file = files.write("cycle.yaml", yaml.toString());

        InvalidSuiteException invalid = org.assertj.core.api.Assertions.catchThrowableOfType(() -> files.load(file),
                InvalidSuiteException.class);

        assertThat(invalid.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.probeId()).isEqualTo("link-0");
            assertThat(problem.message()).startsWith("'needs' form a cycle: link-0 -> link-1 -> link-2 -> ")
                    .endsWith(" -> link-19999 -> link-0");
        });
    }
}
