package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.testing.ProbeFiles;

/** The command line, in process: exit codes, output and reports. */
class CommandLineTest {

    @TempDir
    Path folder;

    private final Cli cli = new Cli();
    private String out;
    private String err;

    private int postpatch(String... args) {
        int code = cli.run(args);
        out = cli.out();
        err = cli.err();
        return code;
    }

    private String ledger() {
        return folder.resolve("ledger").toString();
    }

    private String file(String yaml) {
        return new ProbeFiles(folder).write("probes.yaml", yaml).toString();
    }

    @Test
    void passingSuiteExitsZeroAndPrintsALinePerProbe() {
        String file = file("""
                suite: shop
                probes:
                  - id: health
                    pass: { message: up }
                  - id: orders
                    needs: [health]
                    pass: {}
                """);
        assertThat(postpatch("run", "--ledger", ledger(), file)).isEqualTo(0);
        assertThat(out).contains("suite shop  (2 probes").contains("PASSED   health").contains("up")
                .contains("PASSED   orders").contains("PASS  shop: 2 passed, 0 failed, 0 blocked, 0 skipped");
    }

    @Test
    void criticalFailureExitsOne() {
        String file = file("""
                suite: shop
                probes:
                  - id: health
                    fail: { message: "expected status 200 but was 503" }
                  - id: orders
                    needs: [health]
                    pass: {}
                """);
        assertThat(postpatch("run", "--ledger", ledger(), file)).isEqualTo(1);
        assertThat(out).contains("FAILED   health").contains("expected status 200 but was 503")
                .contains("BLOCKED  orders").contains("FAIL  shop: 0 passed, 1 failed, 1 blocked");
    }

    @Test
    void onlyWarningsExitZeroWithVerdictWarnUnlessFailOnWarn() {
        String file = file("""
                suite: shop
                probes:
                  - id: ok
                    pass: {}
                  - id: disk
                    severity: warning
                    fail: { message: "91% full" }
                """);
        assertThat(postpatch("run", "--ledger", ledger(), file)).isEqualTo(0);
        assertThat(out).contains("WARNING  disk").contains("WARN  shop");
        assertThat(postpatch("run", "--ledger", ledger(), "--fail-on-warn", file)).isEqualTo(1);
    }

    @Test
    void invalidFilesExitTwoAndNameEveryProblem() {
        String file = file("""
                suite: shop
                probes:
                  - id: a
                    pass: {}
                    timout: 1s
                  - id: b
                    needs: [c]
                    pass: {}
                """);
        assertThat(postpatch("run", "--ledger", ledger(), file)).isEqualTo(2);
        assertThat(err).contains("2 problems in the probe files; nothing was run:")
                .contains(file + ":5:5: probe 'a': unknown key 'timout' (did you mean 'timeout'?)")
                .contains(file + ":7:13: probe 'b': needs 'c', which is not a probe of suite 'shop'");
        assertThat(out).doesNotContain("PASSED");
        assertThat(postpatch("validate", file)).isEqualTo(2);
    }

    @Test
    void badOptionsExitTwoWithAClearMessage() {
        String file = file("suite: s\nprobes: [{ id: a, pass: {} }]\n");
        assertThat(postpatch("run", "--ledger", ledger(), "--parallel", "many", file)).isEqualTo(2);
        assertThat(err).contains("--parallel").contains("'many' is not an int");
        assertThat(postpatch("run", "--ledger", ledger(), "--timeout", "soon", file)).isEqualTo(2);
        assertThat(err).contains("'soon' is not a duration like 500ms, 5s, 2m, 1h or 1m30s");
        assertThat(postpatch("run", "--ledger", ledger(), "--report", "pdf=out.pdf", file)).isEqualTo(2);
        assertThat(err).contains("unknown report format 'pdf': use json, junit, html or prometheus");
        assertThat(postpatch("run", "--ledger", ledger(), "--tags", "a & (b", file)).isEqualTo(2);
        assertThat(err).contains("bad tag expression 'a & (b'");
        assertThat(postpatch("run", "--ledger", ledger(), "--parallel", "0", file)).isEqualTo(2);
        assertThat(err).contains("parallel must be at least 1, was 0");
        assertThat(postpatch("frobnicate")).isEqualTo(2);
        assertThat(err).contains("Unmatched argument at index 0: 'frobnicate'");
        assertThat(postpatch("run")).isEqualTo(2);
        assertThat(err).contains("Missing required parameter: 'PATH'");
    }

    @Test
    void reportsAreWrittenWhereAsked() throws Exception {
        // "no" stays the word written: YAML 1.1 would make it the boolean false.
        String file = file("suite: s\nprobes: [{ id: a, pass: {} }, { id: b, fail: { message: no } }]\n");
        Path json = folder.resolve("reports/run.json");
        Path junit = folder.resolve("reports/run.xml");
        assertThat(postpatch("run", "--ledger", ledger(), "--report", "json=" + json, "--report", "junit=" + junit, "--target", "node-7", file))
                .isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("target").asText()).isEqualTo("node-7");
        assertThat(report.get("probes")).hasSize(2);
        assertThat(junit).content().contains("<testcase name=\"a\"").contains("<failure message=\"no\"");
    }

    @Test
    void validateAndListRunNothing() {
        Path marker = folder.resolve("ran");
        String file = file("""
                suite: shop
                probes:
                  - id: health
                    tags: [smoke]
                    touch: { file: "%s" }
                  - id: orders
                    needs: [health]
                    retry: { until: 30s, every: 1s }
                    pass: {}
                """.formatted(marker));
        assertThat(postpatch("validate", file)).isEqualTo(0);
        assertThat(out).contains("valid: suite shop (2 probes)").contains("OK: 1 suite, 2 probes");
        assertThat(postpatch("list", file)).isEqualTo(0);
        assertThat(out).contains("health").contains("touch").contains("tags smoke")
                .contains("needs health; retry every 1s until 30s");
        assertThat(marker).doesNotExist();
    }

    @Test
    void everyVerbHasHelpAndTheCommandHasAVersion() {
        for (String verb : new String[] {"run", "baseline", "verify", "validate", "list", "serve", "history", "init", "fleet",
                "dashboard"}) {
            assertThat(postpatch(verb, "--help")).isEqualTo(0);
            assertThat(out).as(verb).contains("Usage: postpatch " + verb).contains("Exit codes:");
        }
        assertThat(postpatch("run", "--help")).isEqualTo(0);
        assertThat(out).contains("--report=FORMAT=FILE").contains("--timeout=DURATION").contains("Exit codes:");
        assertThat(postpatch("--version")).isEqualTo(0);
        assertThat(out).startsWith("postpatch ");
        assertThat(postpatch()).isEqualTo(2);
        assertThat(out).contains("Commands:").contains("run").contains("validate").contains("list");
    }

    @Test
    void theUsageListsEveryVerbAndAMisspeltVerbIsNamed() {
        // Only the verb given is built for a run; the usage still lists them all.
        List<String> verbs = List.of("run", "baseline", "verify", "validate", "list", "serve", "history", "init", "fleet",
                "dashboard");
        assertThat(postpatch()).isEqualTo(2);
        verbs.forEach(verb -> assertThat(out).containsPattern("(?m)^\\s+" + verb + "\\s"));
        assertThat(postpatch("--help")).isZero();
        verbs.forEach(verb -> assertThat(out).containsPattern("(?m)^\\s+" + verb + "\\s"));
        assertThat(postpatch("verfiy", "--ledger", "none")).isEqualTo(2);
        assertThat(err).contains("Unmatched arguments from index 0: 'verfiy'").contains("Run 'postpatch --help' for usage.");
    }

    @Test
    void everyVerbTellsTheVersionAsTheCommandDoes() {
        assertThat(postpatch("--version")).isZero();
        String version = out;
        assertThat(version).startsWith("postpatch ").contains("Java " + System.getProperty("java.version"));
        for (String verb : List.of("run", "verify", "history")) {
            assertThat(postpatch(verb, "--version")).as(verb).isZero();
            assertThat(out).as(verb).isEqualTo(version);
            assertThat(postpatch(verb, "-V")).as(verb).isZero();
            assertThat(out).as(verb).isEqualTo(version);
        }
    }

    @Test
    void everyRunIsRecordedAndHistoryShowsRunsAndFigures() {
        String file = file("suite: shop\nprobes: [{ id: a, pass: {} }]\n");
        assertThat(postpatch("run", "--ledger", ledger(), "--target", "node-1", file)).isEqualTo(0);
        assertThat(postpatch("run", "--ledger", ledger(), "--target", "node-1", file)).isEqualTo(0);
        assertThat(postpatch("history", "--ledger", ledger())).isEqualTo(0);
        assertThat(out.lines().filter(line -> line.contains(" run ") && line.contains("shop"))).hasSize(2);
        assertThat(out).contains("Patch figures (last 2 runs):").contains("shop on node-1: 2 runs, 0 patches");
        assertThat(postpatch("history", "--ledger", ledger(), "--suite", "other")).isEqualTo(0);
        assertThat(out).contains("No runs recorded for suite other");
    }

    @Test
    void historyOfALedgerNeverWrittenSaysSoAndCreatesNothing() {
        Path never = folder.resolve("never");
        assertThat(postpatch("history", "--ledger", never.toString())).isEqualTo(0);
        assertThat(out).contains("No runs recorded in " + never).contains("no ledger there yet");
        assertThat(postpatch("history", "--ledger", never.toString(), "--mark-rolled-back", "20260101-000000-abcdef"))
                .isEqualTo(2);
        assertThat(err).contains("no such run: nothing was ever recorded in " + never);
        assertThat(folder.toFile().list()).isEmpty();
    }

    @Test
    void aReportThatCannotBeWrittenSaysWhyAndTheRunIsIncomplete() throws Exception {
        String file = file("suite: shop\nprobes: [{ id: a, pass: {} }]\n");
        java.nio.file.Files.writeString(folder.resolve("plain-file"), "not a folder");
        String report = folder.resolve("plain-file").resolve("reports").resolve("run.json").toString();
        assertThat(postpatch("run", "--ledger", "none", "--report", "json=" + report, file)).isEqualTo(3);
        assertThat(err).contains("could not write the JSON report " + report + ": Not a directory: "
                + folder.resolve("plain-file").resolve("reports"));
    }

    @Test
    void serveRefusesAPortOutOfRangeBeforeAnythingStarts() {
        String file = file("suite: shop\nprobes: [{ id: a, pass: {} }]\n");
        assertThat(postpatch("serve", "--port", "99999", "--ledger", "none", file)).isEqualTo(2);
        assertThat(err).contains("--port must be between 0 and 65535, was 99999");
        assertThat(postpatch("serve", "--port", "0", "--parallel", "0", "--ledger", "none", file)).isEqualTo(2);
        assertThat(err).contains("--parallel must be at least 1, was 0");
        assertThat(postpatch("serve", "--port", "0", "--bind", "no-such-host.invalid", "--ledger", "none", file))
                .isEqualTo(2);
        assertThat(err).contains("--bind no-such-host.invalid: no such address on this host");
    }

    @Test
    void anUnusableLedgerIsSaidAndAPassingRunThatWasNotRecordedExitsThree() throws Exception {
        java.nio.file.Path corrupt = folder.resolve("corrupt.mv.db");
        java.nio.file.Files.write(corrupt, "garbage".repeat(1000).getBytes());
        String file = file("suite: shop\nprobes: [{ id: a, pass: {} }]\n");
        assertThat(postpatch("run", "--ledger", corrupt.toString(), file)).isEqualTo(3);
        assertThat(out).contains("PASS");
        assertThat(err).contains("postpatch: the run was NOT recorded (exit 3; its verdict was PASS): cannot open the ledger");
        assertThat(postpatch("history", "--ledger", corrupt.toString())).isEqualTo(3);
        assertThat(err).contains("cannot open the ledger");
    }

    @Test
    void theShippedExampleRunsAndPasses() {
        String example = java.nio.file.Path.of("../../examples/system.yaml").toString();
        assertThat(postpatch("validate", example)).isEqualTo(0);
        assertThat(postpatch("run", "--ledger", ledger(), example)).as(out + err).isEqualTo(0);
        assertThat(out).contains("PASSED   jvm").contains("PASSED   kernel");
    }
}
