package org.postpatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;
import org.postpatch.run.Runner;
import org.postpatch.testing.ProbeFiles;

/**
 * What the engine does with snapshots: a run that records them samples a passing probe that
 * observed one a second time and keeps what its check folds from the two; other runs keep none;
 * every attempt is told the baseline's.
 */
class SnapshotSamplingTest {

    @TempDir
    Path folder;

    private ProbeResult run(String observe, Snapshots snapshots) {
        ProbeFiles files = new ProbeFiles(folder);
        Path file = files.write("probes.yaml", """
                suite: s
                probes:
                  - id: p
                    observe: %s
                """.formatted(observe));
        RunResult run = files.run(Runner.builder().attachments(folder.resolve("a")).snapshots(snapshots), file);
        return run.probes().get(0);
    }

    @Test
    void aRunThatRecordsSamplesTwiceAndKeepsWhatTheCheckFolds() {
        ProbeResult recorded = run("{}", Snapshots.recording());
        assertThat(recorded.snapshot()).isEqualTo("sample-1|sample-2");
        assertThat(recorded.attempts()).as("the second sample is not an attempt").isEqualTo(1);
        assertThat(recorded.message()).isEqualTo("records true, baseline none: none");
    }

    @Test
    void aPlainRunSamplesOnceAndKeepsNone() {
        ProbeResult plain = run("{}", Snapshots.NONE);
        assertThat(plain.snapshot()).isNull();
        assertThat(plain.message()).isEqualTo("records false, baseline none: none");
    }

    @Test
    void everyAttemptIsToldTheBaselinesSnapshotOfItsProbe() {
        ProbeResult judged = run("{}", Snapshots.NONE.against("s", "b-7", Map.of("p", "as before")));
        assertThat(judged.message()).isEqualTo("records false, baseline b-7: as before");
        assertThat(run("{}", Snapshots.NONE.against("s", "b-7", Map.of("other", "x"))).message())
                .isEqualTo("records false, baseline b-7: none");
        assertThat(run("{}", Snapshots.recording().against("other-suite", "b-8", Map.of("p", "x"))).message())
                .isEqualTo("records true, baseline none: none");
    }

    @Test
    void aFailureIsNotSampledAgainAndRecordsNothing() {
        ProbeResult failed = run("{ fail: true }", Snapshots.recording());
        assertThat(failed.snapshot()).isNull();
        assertThat(failed.samples()).isEmpty();
    }

    @Test
    void aFoldThatThrowsOrASnapshotOverTheLimitIsNotRecordedAndTheMessageSaysSo() {
        ProbeResult thrown = run("{ fold: throw }", Snapshots.recording());
        assertThat(thrown.passed()).isTrue();
        assertThat(thrown.snapshot()).isNull();
        assertThat(thrown.message()).isEqualTo("records true, baseline none: none; snapshot not recorded: "
                + "IllegalStateException: cannot fold");

        ProbeResult huge = run("{ fold: huge }", Snapshots.recording());
        assertThat(huge.snapshot()).isNull();
        assertThat(huge.message()).endsWith("; snapshot not recorded: 1048577 characters, over the limit of 1048576");
    }
}
