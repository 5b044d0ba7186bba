package org.postpatch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.postpatch.methods.SampleProbes;
import org.postpatch.model.Suite;
import org.postpatch.testing.ProbeFiles;

class PostPatchTestEngineTest {

    @TempDir
    Path folder;

    private Suite suite(String yaml) {
        ProbeFiles files = new ProbeFiles(folder);
        return files.load(files.write("probes.yaml", yaml)).get(0);
    }

    @Test
    void suitesBecomeContainersAndProbesBecomeTests() {
        Suite suite = suite("""
                suite: orders
                probes:
                  - id: health
                    pass: {}
                  - id: db
                    fail: { message: "cannot connect to localhost:5432" }
                  - id: create
                    needs: [db]
                    pass: {}
                """);
        EngineExecutionResults results = EngineTestKit.engine(new PostPatchTestEngine())
                .selectors(SuiteSelector.of(suite))
                .execute();

        results.containerEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1).skipped(1));
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("db"), finishedWithFailure(message("cannot connect to localhost:5432"))))
                .haveExactly(1, event(test("create"), skippedWithReason("blocked: needs 'db', which did not pass")));
    }

    @Test
    void probesPointAtTheirLineInTheFile() {
        Suite suite = suite("suite: s\nprobes:\n  - id: a\n    pass: {}\n");
        EngineExecutionResults results = EngineTestKit.engine(new PostPatchTestEngine())
                .selectors(SuiteSelector.of(suite)).execute();
        Event started = results.testEvents().started().list().get(0);
        FileSource source = (FileSource) started.getTestDescriptor().getSource().orElseThrow();
        assertThat(source.getFile().getName()).isEqualTo("probes.yaml");
        assertThat(source.getPosition()).hasValueSatisfying(p -> assertThat(p.getLine()).isEqualTo(3));
    }

    @Test
    void probeResultsArePublishedAsReportEntries() {
        Suite suite = suite("suite: s\nprobes:\n  - id: a\n    fail: { message: nope }\n");
        EngineExecutionResults results = EngineTestKit.engine(new PostPatchTestEngine())
                .selectors(SuiteSelector.of(suite)).execute();
        List<Event> entries = results.allEvents().reportingEntryPublished().list();
        assertThat(entries).singleElement().satisfies(event -> {
            var values = event.getPayload(org.junit.platform.engine.reporting.ReportEntry.class).orElseThrow().getKeyValuePairs();
            assertThat(values).containsEntry("postpatch.status", "FAILED").containsEntry("postpatch.message", "nope")
                    .containsEntry("postpatch.attempts", "1");
        });
    }

    @Test
    void classWithProbeSuiteRunsItsFilesAndJavaProbesAsInAnIde() {
        EngineExecutionResults results = EngineTestKit.engine(new PostPatchTestEngine())
                .selectors(DiscoverySelectors.selectClass(SampleProbes.class))
                .execute();

        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("ok"), org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully()))
                .haveExactly(1, event(test("greets"), org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully()))
                .haveExactly(1, event(test("create-order"), finishedWithFailure(message("expected status 201 but was 500"))))
                .haveExactly(1, event(test("listOrders"), skippedWithReason("blocked: needs 'create-order', which did not pass")))
                .haveExactly(1, event(test("slowLane"), finishedWithFailure(message("timed out after 200ms"))))
                .haveExactly(1, event(test("warmsUp"), org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully()));
        Event greets = results.testEvents().started().filter(e -> e.getTestDescriptor().getDisplayName().equals("greets"))
                .findFirst().orElseThrow();
        assertThat(greets.getTestDescriptor().getSource()).containsInstanceOf(MethodSource.class);
    }

    @Test
    void anInvalidSuiteFailsItsContainerWithTheProblems() {
        EngineExecutionResults results = EngineTestKit.engine(new PostPatchTestEngine())
                .selectors(DiscoverySelectors.selectClass(BrokenSuite.class))
                .execute();
        results.containerEvents().assertThatEvents().haveExactly(1,
                event(org.junit.platform.testkit.engine.EventConditions.container("BrokenSuite"),
                        finishedWithFailure(message(m -> m.contains("no such file or folder: /nonexistent/probes")))));
    }

    /** A suite pointing at files that do not exist. */
    @org.postpatch.api.ProbeSuite("/nonexistent/probes")
    static class BrokenSuite {
    }
}
