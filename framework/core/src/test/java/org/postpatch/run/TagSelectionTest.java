package org.postpatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.result.RunResult;
import org.postpatch.testing.ProbeFiles;

class TagSelectionTest {

    @TempDir
    Path folder;

    @Test
    void selectedProbesRunWithWhatTheyNeedAndNothingElse() {
        ProbeFiles files = new ProbeFiles(folder);
        Path file = files.write("p.yaml", """
                suite: s
                probes:
                  - id: health
                    pass: {}
                  - id: order-flow
                    needs: [health]
                    tags: [smoke]
                    pass: {}
                  - id: slow-report
                    tags: [slow]
                    pass: {}
                """);
        RunResult run = files.run(Runner.builder().tags(TagExpression.parse("smoke")), file);
        assertThat(run.probes()).extracting(p -> p.id()).containsExactly("health", "order-flow");
    }
}
