package org.postpatch.probes.system.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.config.Problem;
import org.postpatch.result.ProbeResult;
import org.postpatch.testkit.ProbeTestKit;

class CommandProbeTest {

    @TempDir
    Path folder;

    @Test
    void shortFormPassesOnExitZero() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: uptime
                  command: [uptime]
                """);

        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(result.message()).matches("'uptime' exited with 0 in \\d+ms");
        assertThat(result.details()).containsEntry("exitCode", 0).containsEntry("command", "uptime");
    }

    @Test
    void nonZeroExitFailsWithTheFirstLineOfStderr() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: nginx-active
                  command: [sh, -c, "echo 'Unit nginx.service could not be found.' >&2; echo more >&2; exit 4"]
                """);

        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.message()).isEqualTo("exit code 4, expected 0; stderr: Unit nginx.service could not be found.");
    }

    @Test
    void nonZeroExitWithoutStderrQuotesStdout() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: nginx-active
                  command: { run: [sh, -c, "echo inactive; exit 3"] }
                """);

        assertThat(result.message()).isEqualTo("exit code 3, expected 0; stdout: inactive");
    }

    @Test
    void anyOfSeveralExitCodesCanBeExpected() {
        ProbeResult accepted = ProbeTestKit.in(folder).runProbe("""
                - id: grep-count
                  command: { run: [sh, -c, "exit 1"], expect: { exit: [0, 1] } }
                """);
        ProbeResult refused = ProbeTestKit.in(folder).runProbe("""
                - id: grep-count
                  command: { run: [sh, -c, "exit 2"], expect: { exit: [0, 1] } }
                """);

        assertThat(accepted.status()).as(accepted.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(refused.message()).isEqualTo("exit code 2, expected one of 0, 1");
    }

    @Test
    void expectedNonZeroExitPasses() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: not-running
                  command: { run: [sh, -c, "exit 3"], expect: { exit: 3 } }
                """);

        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
    }

    @Test
    void outputMatchingEveryExpectationPasses() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: nginx-active
                  command:
                    run: [echo, active]
                    expect:
                      exit: 0
                      stdout: { contains: active, matches: "^active$", notContains: failed }
                      stderr: { empty: true }
                """);

        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(result.message()).matches("'echo active' exited with 0 in \\d+ms");
    }

    @Test
    void stdoutMissingTextFailsQuotingTheOutput() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: nginx-active
                  command: { run: [echo, failed], expect: { stdout: { contains: active } } }
                """);

        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.message()).isEqualTo("stdout does not contain 'active'; it was: 'failed'");
    }

    @Test
    void stdoutNotMatchingFailsAndMatchesApplyPerLine() {
        ProbeResult perLine = ProbeTestKit.in(folder).runProbe("""
                - id: status
                  command: { run: [printf, "state:\\nactive\\n"], expect: { stdout: { matches: "^active$" } } }
                """);
        ProbeResult mismatch = ProbeTestKit.in(folder).runProbe("""
                - id: status
                  command: { run: [echo, inactive], expect: { stdout: { matches: "^active$" } } }
                """);

        assertThat(perLine.status()).as(perLine.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(mismatch.message()).isEqualTo("stdout does not match '^active$'; it was: 'inactive'");
    }

    @Test
    void forbiddenTextFailsNamingItsLine() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: mounts
                  command: { run: [printf, "ok: /\\nfailed: /data\\n"], expect: { stdout: { notContains: failed } } }
                """);

        assertThat(result.message()).isEqualTo("stdout contains 'failed' at line 2: 'failed: /data'");
    }

    @Test
    void stderrExpectedEmptyFailsWhenSomethingWasWritten() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: quiet
                  command:
                    run: [sh, -c, "echo 'warning: low memory' >&2"]
                    expect: { stderr: { empty: true } }
                """);

        assertThat(result.message()).isEqualTo("stderr is not empty; it was: 'warning: low memory'");
    }

    @Test
    void environmentAndWorkingDirectoryAreApplied() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: env
                  command:
                    run: [sh, -c, 'echo "$GREETING from $(pwd)"']
                    env: { GREETING: hello }
                    dir: %s
                    expect: { stdout: { contains: "hello from %s" } }
                """.formatted(folder, folder));

        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
    }

    @Test
    void shellTrueRunsOneLineThroughTheShell() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: pipeline
                  command:
                    shell: true
                    run: "printf 'a\\nb\\nc\\n' | wc -l | tr -d ' '"
                    expect: { stdout: { matches: "^3$" } }
                """);

        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
    }

    @Test
    void programThatDoesNotExistCannotRun() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: missing
                  command: [no-such-program-7f3a, --version]
                """);

        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.message()).isEqualTo("cannot run 'no-such-program-7f3a': No such file or directory");
    }

    @Test
    void missingWorkingDirectoryIsNamed() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: missing-dir
                  command: { run: [pwd], dir: /no/such/dir }
                """);

        assertThat(result.message()).isEqualTo("cannot run 'pwd': working directory /no/such/dir does not exist");
    }

    @Test
    void largeOutputOnBothStreamsNeitherBlocksNorIsKeptWhole() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: chatty
                  timeout: 20s
                  command:
                    shell: true
                    run: "head -c 3000000 /dev/zero | tr '\\\\0' e >&2; head -c 3000000 /dev/zero | tr '\\\\0' o; echo done"
                    expect: { stdout: { contains: done } }
                """);

        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.message()).startsWith("stdout (first 1024 KiB of 3000005 bytes) does not contain 'done'; it was: 'ooo");
        assertThat(result.message().length()).isLessThan(300);
    }

    @Test
    void secretsInOutputAreMasked() {
        ProbeResult result = ProbeTestKit.in(folder).withEnvironment(Map.of("DEPLOY_TOKEN", "tok-3f9a7c1b"))
                .run(ProbeTestKit.suite("""
                        - id: token
                          command: { run: [echo, "token=${secret:DEPLOY_TOKEN}"], expect: { stdout: { contains: nope } } }
                        """))
                .probes().get(0);

        assertThat(result.message()).isEqualTo("stdout does not contain 'nope'; it was: 'token=****'");
        assertThat(result.details()).containsEntry("stdout", "token=****").containsEntry("command", "echo token=****");
    }

    @Test
    void aSecretAcrossTheExcerptsCutIsMaskedNotCutInHalf() {
        String secret = "tok-3f9a7c1b-0d44-4c1e";
        ProbeResult result = ProbeTestKit.in(folder).withEnvironment(Map.of("DEPLOY_TOKEN", secret))
                .run(ProbeTestKit.suite("""
                        - id: long-line
                          command:
                            run: [printf, "%%s%%s", "%s", "${secret:DEPLOY_TOKEN}"]
                            expect: { stdout: { contains: nope } }
                        """.formatted("x".repeat(190))))
                .probes().get(0);

        assertThat(result.details().get("stdout")).isEqualTo("x".repeat(190) + "****");
        assertThat(result.message()).endsWith("it was: '" + "x".repeat(190) + "****'");
    }

    @Test
    void aSingleStringWithoutShellIsRefusedWithAHint() {
        List<Problem> problems = ProbeTestKit.in(folder).problemsOfProbe("""
                - id: listing
                  command: { run: "ls -l /opt" }
                """);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("command.run: 'ls -l /opt' is a single string, and commands run"
                    + " without a shell: write it as a list, like [ls, -l, /opt], or add shell: true");
            assertThat(problem.location().line()).isEqualTo(4);
            assertThat(problem.location().column()).isEqualTo(21);
        });
    }

    @Test
    void aListWithShellTrueIsRefused() {
        List<Problem> problems = ProbeTestKit.in(folder).problemsOfProbe("""
                - id: listing
                  command: { run: [ls, -l], shell: true }
                """);

        assertThat(problems).extracting(Problem::message)
                .containsExactly("command.run: with shell: true, 'run' is one line for /bin/sh -c, found a list");
    }

    @Test
    void malformedCommandsAreRefused() {
        List<Problem> problems = ProbeTestKit.in(folder).problemsOfProbe("""
                - id: empty
                  command: []
                - id: scalar
                  command: uptime
                - id: no-run
                  command: { env: { A: b } }
                - id: bad-exit
                  command: { run: [true], expect: { exit: 300 } }
                - id: bad-exit-list
                  command: { run: [true], expect: { exit: [0, x] } }
                - id: typo
                  command: { run: [true], expect: { stdot: { contains: x } } }
                """);

        assertThat(problems).extracting(Problem::probeId, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("empty", "command: the command is empty: give at least the program to run"),
                org.assertj.core.groups.Tuple.tuple("scalar", "command: expected an argument list like"
                        + " [systemctl, is-active, nginx] or a map with 'run', found a string"),
                org.assertj.core.groups.Tuple.tuple("no-run",
                        "command: missing 'run' (the command as a list, like [systemctl, is-active, nginx])"),
                org.assertj.core.groups.Tuple.tuple("bad-exit", "command.expect.exit: expected a whole number from 0 to 255, found 300"),
                org.assertj.core.groups.Tuple.tuple("bad-exit-list", "command.expect.exit[1]: expected an exit code from 0 to 255, found 'x'"),
                org.assertj.core.groups.Tuple.tuple("typo", "command.expect: unknown key 'stdot' (did you mean 'stdout'?)"));
    }
}
