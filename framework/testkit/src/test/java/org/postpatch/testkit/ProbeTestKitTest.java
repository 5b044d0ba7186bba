package org.postpatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.Outcome;
import org.postpatch.api.ProbeContext;
import org.postpatch.api.ProbeStatus;
import org.postpatch.result.ProbeResult;

/** The kit runs probe files through the real loader and engine, with the kinds on the classpath (here: java). */
class ProbeTestKitTest {

    @TempDir
    Path folder;

    /** Called by the probes below through the {@code java} kind. */
    public static Outcome greet(ProbeContext context) {
        return Outcome.passed("hello " + context.variable("who").orElse("nobody"));
    }

    public static void writeMarker(ProbeContext context) throws Exception {
        Files.writeString(Path.of(context.variable("marker").orElseThrow()), context.probeId());
    }

    @Test
    void aProbeItemRunsThroughTheRealEngineAndItsResultComesBack() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: greet
                  java: { class: %s, method: greet }
                """.formatted(getClass().getName()));

        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(result.message()).isEqualTo("hello nobody");
    }

    @Test
    void aWholeFileRunsAndItsProbesReallyRun() {
        Path marker = folder.resolve("ran");
        ProbeTestKit kit = ProbeTestKit.in(folder);

        var run = kit.run("""
                suite: marks
                vars:
                  marker: %s
                probes:
                  - id: marks
                    java: { class: %s, method: writeMarker }
                """.formatted(marker, getClass().getName()));

        assertThat(run.probes()).singleElement().extracting(ProbeResult::status).isEqualTo(ProbeStatus.PASSED);
        assertThat(marker).hasContent("marks");
    }

    @Test
    void variablesComeFromTheFileAndTheEnvironmentTheKitIsGiven() {
        RenderedRun run = ProbeTestKit.in(folder).withEnvironment(Map.of("WHO", "operator")).render("""
                suite: greetings
                vars:
                  who: ${env:WHO}
                probes:
                  - id: greet
                    java: { class: %s, method: greet }
                """.formatted(getClass().getName()));

        assertThat(run.probe("greet").status()).isEqualTo(ProbeStatus.PASSED);
        assertThat(run.probe("greet").message()).isEqualTo("hello operator");
        assertThat(run.console()).contains("PASSED").contains("greet");
        assertThat(run.json()).contains("\"suite\" : \"greetings\"");
        assertThat(run.junitXml()).contains("<testsuite");
    }

    @Test
    void anInvalidProbeIsRefusedWithWhereAndWhy() {
        var problems = ProbeTestKit.in(folder).problemsOfProbe("""
                - id: typo
                  java: { class: %s, mehtod: greet }
                """.formatted(getClass().getName()));

        assertThat(problems).extracting(problem -> problem.location().line() + ":" + problem.location().column()
                + " " + problem.probeId() + ": " + problem.message()).containsExactly(
                "4:11 typo: java: missing 'method' (a string)",
                "4:60 typo: java: unknown key 'mehtod' (did you mean 'method'?)");
    }

    @Test
    void aValidFileIsNotMistakenForProblems() {
        assertThatThrownBy(() -> ProbeTestKit.in(folder).problemsOfProbe("""
                - id: fine
                  java: { class: %s, method: greet }
                """.formatted(getClass().getName())))
                .isInstanceOf(AssertionError.class).hasMessageStartingWith("expected postpatch to refuse this probe file");
    }
}
