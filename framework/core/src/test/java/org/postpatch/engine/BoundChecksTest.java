package org.postpatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.model.Suite;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;
import org.postpatch.run.Runner;
import org.postpatch.testing.ProbeFiles;
import org.postpatch.testing.TestKinds;

/**
 * A runner that runs the same suites again (serve, an embedded self-test) binds a probe of a kind
 * whose checks may run again only when what its references resolve to changed.
 */
class BoundChecksTest {

    @TempDir
    Path folder;

    @Test
    void aProbeIsBoundAgainOnlyWhenWhatItsReferencesResolveToChanged() {
        ProbeFiles files = new ProbeFiles(folder);
        String constant = "same-" + System.nanoTime();
        List<Suite> suites = files.load(files.write("probes.yaml", """
                suite: s
                vars: { word: %s }
                probes:
                  - id: constant
                    reusable: { text: "${word}" }
                  - id: clock
                    tick: { name: t }
                  - id: changing
                    needs: [clock]
                    reusable: { text: "${t}" }
                """.formatted(constant)));
        Runner runner = Runner.builder().attachments(folder.resolve("attachments")).build();

        List<String> changing = new java.util.ArrayList<>();
        for (int run = 0; run < 3; run++) {
            RunResult result = runner.run(suites);
            assertThat(message(result, "constant")).isEqualTo(constant);
            changing.add(message(result, "changing"));
        }

        assertThat(TestKinds.Reusable.BOUND_TO_RUN.get(constant)).hasValue(1);
        assertThat(changing).doesNotHaveDuplicates().allMatch(text -> text.startsWith("tick-"));
        changing.forEach(text -> assertThat(TestKinds.Reusable.BOUND_TO_RUN.get(text)).hasValue(1));
        // Another runner binds afresh: nothing is shared between runners.
        Runner.builder().attachments(folder.resolve("attachments")).build().run(suites);
        assertThat(TestKinds.Reusable.BOUND_TO_RUN.get(constant)).hasValue(2);
    }

    @Test
    void aRunnerThatKeepsNoChecksBindsEveryRunAfresh() {
        // A command-line runner runs once: keeping its checks would only hold them in memory.
        ProbeFiles files = new ProbeFiles(folder);
        String constant = "fresh-" + System.nanoTime();
        List<Suite> suites = files.load(files.write("probes.yaml", """
                suite: s
                vars: { word: %s }
                probes:
                  - id: constant
                    reusable: { text: "${word}" }
                """.formatted(constant)));
        Runner runner = Runner.builder().attachments(folder.resolve("attachments")).keepChecks(false).build();

        for (int run = 0; run < 3; run++) {
            assertThat(message(runner.run(suites), "constant")).isEqualTo(constant);
        }

        assertThat(TestKinds.Reusable.BOUND_TO_RUN.get(constant)).hasValue(3);
    }

    private static String message(RunResult run, String id) {
        return run.probes().stream().filter(p -> p.id().equals(id)).map(ProbeResult::message).findFirst().orElseThrow();
    }
}
