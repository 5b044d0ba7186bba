package org.postpatch.probes.system.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.config.Problem;
import org.postpatch.config.SuiteLoader;
import org.postpatch.config.Environment;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;
import org.postpatch.testkit.ProbeTestKit;

/**
 * A value put into a shell line by {@code ${...}} is never shell syntax, wherever the reference
 * stands: outside quotes, in the author's double or single quotes, in {@code $(...)} or backquotes,
 * in {@code shell: true} and in {@code [sh, -c, ...]}. Each probe prints the value with
 * {@code printf '%s'}; a marker file would prove that part of it ran as a command.
 */
class ShellValuesTest {

    @TempDir
    Path folder;

    private Path marker() {
        return folder.resolve("MARKER");
    }

    /** Every way out of a shell word at once: ; # quotes $( ) backquotes, a newline and a glob. */
    private String hostile() {
        String touch = "touch " + marker();
        return "x; " + touch + " #'\"$(" + touch + ")`" + touch + "`\n" + touch + " *";
    }

    private RunResult run(String probes) {
        return ProbeTestKit.in(folder).withEnvironment(Map.of("HOSTILE", hostile())).run(ProbeTestKit.suite(probes));
    }

    @Test
    void aValueStaysOneLiteralWordOutsideAndInsideTheAuthorsQuotes() {
        RunResult run = run("""
                - id: unquoted
                  command: { shell: true, run: "printf '%s' ${env:HOSTILE}" }
                - id: double-quoted
                  command: { shell: true, run: "printf '%s' \\"<${env:HOSTILE}>\\"" }
                - id: single-quoted
                  command: { shell: true, run: "printf '%s' '<${env:HOSTILE}>'" }
                - id: in-command-substitution
                  command: { shell: true, run: "printf '%s' \\"$(printf '%s' ${env:HOSTILE})\\"" }
                - id: in-backquotes
                  command: { shell: true, run: "printf '%s' \\"`printf '%s' ${env:HOSTILE}`\\"" }
                - id: listed-shell
                  command: [sh, -c, "printf '%s' ${env:HOSTILE}"]
                - id: listed-bash-with-options
                  command: [/bin/bash, --norc, -ec, "printf '%s' ${env:HOSTILE}"]
                """);

        assertThat(run.probes()).hasSize(7);
        for (ProbeResult probe : run.probes()) {
            assertThat(probe.status()).as(probe.id() + ": " + probe.message()).isEqualTo(ProbeStatus.PASSED);
            String expected = probe.id().endsWith("-quoted") ? "<" + hostile() + ">" : hostile();
            assertThat(probe.details().get("stdout")).as(probe.id())
                    .isEqualTo(expected.replace("\n", "\\n"));
        }
        assertThat(marker()).as("a value ran as a command").doesNotExist();
    }

    @Test
    void theCommandIsShownWithEachValuePosixQuotedInPlace() {
        ProbeResult probe = ProbeTestKit.in(folder).withEnvironment(Map.of("X", "it's; uname -a"))
                .run(ProbeTestKit.suite("""
                        - id: shown
                          command: { shell: true, run: "echo ${env:X} \\"${env:X}\\" '${env:X}'" }
                        """)).probes().get(0);

        assertThat(probe.status()).as(probe.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(probe.details().get("stdout")).isEqualTo("it's; uname -a it's; uname -a it's; uname -a");
        assertThat(probe.details().get("command")).isEqualTo(
                "/bin/sh -c 'echo '\\''it'\\''\\'\\'''\\''s; uname -a'\\'' \"it'\\''s; uname -a\" '\\''it'\\''\\'\\'''\\''s; uname -a'\\'''");
    }

    @Test
    void theValuesReachTheShellAsVariablesWhichTheAuthorsEnvCannotReplace() {
        ProbeResult probe = ProbeTestKit.in(folder).withEnvironment(Map.of("X", "from the file"))
                .run(ProbeTestKit.suite("""
                        - id: env
                          command:
                            shell: true
                            run: "printf '%s|%s' ${env:X} \\"$POSTPATCH_VALUE_1\\""
                            env: { POSTPATCH_VALUE_1: replaced }
                        """)).probes().get(0);

        assertThat(probe.details().get("stdout")).isEqualTo("from the file|from the file");
    }

    @Test
    void textWrittenInTheLineIsStillShellSyntaxAndEvalRunsAValueOnPurpose() {
        ProbeResult probe = ProbeTestKit.in(folder).withEnvironment(Map.of("CODE", "printf evaluated"))
                .run(ProbeTestKit.suite("""
                        - id: eval
                          command: { shell: true, run: "eval ${env:CODE} | tr a-z A-Z; echo; echo $(echo written) $${0:+zero}" }
                        """)).probes().get(0);

        assertThat(probe.details().get("stdout")).isEqualTo("EVALUATED\\nwritten zero");
    }

    @Test
    void validationWarnsAboutShellTrueWithVariablesAndStillAcceptsTheFile() {
        Path file = ProbeTestKit.in(folder).write("w.yaml", ProbeTestKit.suite("""
                - id: plain
                  command: { shell: true, run: "uptime" }
                - id: with-variable
                  command: { shell: true, run: "echo ${env:HOME}" }
                """));
        List<Problem> warnings = new ArrayList<>();

        SuiteLoader.builder().environment(Environment.system()).warnings(warnings::add).build()
                .load(List.of(file.toString()));

        assertThat(warnings).singleElement().satisfies(warning -> {
            assertThat(warning.probeId()).isEqualTo("with-variable");
            assertThat(warning.location().line()).isEqualTo(6);
            assertThat(warning.message()).startsWith("command.run: shell: true with variables: each ${...} reaches"
                    + " the shell as one literal word, never as shell syntax");
        });
    }
}
