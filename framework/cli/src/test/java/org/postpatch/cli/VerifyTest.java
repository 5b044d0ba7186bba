package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.testing.ProbeFiles;

/** baseline and verify through the command line, in process. */
class VerifyTest {

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

    private String baselineRunId() {
        Matcher matcher = Pattern.compile("baseline (\\S+) recorded").matcher(out);
        assertThat(matcher.find()).as(out).isTrue();
        return matcher.group(1);
    }

    @Test
    void verifyClassifiesEveryProbeAgainstTheBaseline() throws Exception {
        ProbeFiles files = new ProbeFiles(folder);
        Path before = files.write("v1/orders.yaml", """
                suite: orders
                probes:
                  - id: breaks
                    pass: {}
                  - id: gets-fixed
                    fail: { message: "500 before the patch" }
                  - id: stays-broken
                    fail: { message: "always 500" }
                  - id: same
                    pass: {}
                  - id: dropped
                    pass: {}
                """);
        Path after = files.write("v2/orders.yaml", """
                suite: orders
                probes:
                  - id: breaks
                    fail: { message: "expected status 200 but was 500" }
                  - id: gets-fixed
                    pass: {}
                  - id: stays-broken
                    fail: { message: "always 500" }
                  - id: same
                    pass: {}
                  - id: brand-new
                    pass: {}
                """);
        assertThat(postpatch("baseline", "--ledger", ledger(), "--target", "n1", before.toString())).isEqualTo(0);
        assertThat(out).contains("2 probe(s) already do not pass before the patch");
        String baseline = baselineRunId();

        Path json = folder.resolve("verify.json");
        Path junit = folder.resolve("verify.xml");
        assertThat(postpatch("verify", "--ledger", ledger(), "--target", "n1", "--report", "json=" + json,
                "--report", "junit=" + junit, after.toString())).isEqualTo(1);
        assertThat(out).contains("Judging against baseline " + baseline);
        int regressed = out.indexOf("REGRESSED      breaks");
        int fixed = out.indexOf("FIXED          gets-fixed");
        int still = out.indexOf("STILL_FAILING  stays-broken");
        assertThat(regressed).isPositive();
        assertThat(fixed).isGreaterThan(regressed);
        assertThat(still).isGreaterThan(fixed);
        assertThat(out).contains("(already FAILED before the patch) always 500")
                .contains("NEW            brand-new").contains("REMOVED        dropped")
                .contains("FAIL  orders: 1 regressed, 1 fixed, 1 still failing, 1 new, 1 removed, 0 slower, 1 same");

        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.path("verdict").asText()).isEqualTo("FAIL");
        assertThat(report.path("comparison").path("baselineRunId").asText()).isEqualTo(baseline);
        assertThat(report.path("comparison").path("removed").get(0).path("id").asText()).isEqualTo("dropped");
        assertThat(changeOf(report, "breaks")).isEqualTo("REGRESSED");
        assertThat(changeOf(report, "gets-fixed")).isEqualTo("FIXED");
        assertThat(changeOf(report, "stays-broken")).isEqualTo("STILL_FAILING");
        assertThat(changeOf(report, "same")).isEqualTo("SAME");
        assertThat(changeOf(report, "brand-new")).isEqualTo("NEW");

        assertThat(Files.readString(junit))
                .contains("message=\"REGRESSED (passed in baseline " + baseline + "): expected status 200 but was 500\"")
                .contains("message=\"STILL FAILING (already FAILED in baseline " + baseline
                        + ", not caused by this patch): always 500\"");

        assertThat(postpatch("history", "--ledger", ledger())).isEqualTo(0);
        assertThat(out).contains("1 regressed, 1 fixed, 1 still failing; baseline " + baseline).contains("kept");
        String verifyRun = report.path("runId").asText();
        assertThat(postpatch("history", "--ledger", ledger(), "--mark-rolled-back", verifyRun)).isEqualTo(0);
        assertThat(out).contains("run " + verifyRun + " marked as rolled back").contains("ROLLED BACK")
                .contains("1 regression caught, 1 fixed, 1 rolled back");
    }

    private static String changeOf(JsonNode report, String id) {
        for (JsonNode probe : report.path("probes")) {
            if (probe.path("id").asText().equals(id)) {
                return probe.path("change").asText();
            }
        }
        throw new AssertionError("no probe " + id);
    }

    @Test
    void stillFailingFailsOnlyWithStrict() {
        Path file = new ProbeFiles(folder).write("p.yaml", "suite: s\nprobes: [{ id: a, pass: {} }, { id: b, fail: {} }]\n");
        assertThat(postpatch("baseline", "--ledger", ledger(), file.toString())).isEqualTo(0);
        assertThat(postpatch("verify", "--ledger", ledger(), file.toString())).isEqualTo(0);
        assertThat(out).contains("WARN  s: 0 regressed, 0 fixed, 1 still failing");
        assertThat(postpatch("verify", "--ledger", ledger(), "--strict", file.toString())).isEqualTo(1);
    }

    @Test
    void withoutABaselineVerifySaysSoAndJudgesLikeRun() {
        Path file = new ProbeFiles(folder).write("p.yaml", "suite: s\nprobes: [{ id: a, pass: {} }]\n");
        assertThat(postpatch("verify", "--ledger", ledger(), "--target", "fresh", file.toString())).isEqualTo(0);
        assertThat(out).contains("No baseline of s on target fresh").contains("judging like 'postpatch run'")
                .contains("PASS  s: 1 passed");
        Path failing = new ProbeFiles(folder).write("f.yaml", "suite: f\nprobes: [{ id: a, fail: {} }]\n");
        assertThat(postpatch("verify", "--ledger", ledger(), failing.toString())).isEqualTo(1);
    }

    @Test
    void againstABaselineOfAnotherSuiteOrAnUnknownRunIsBadInput() {
        ProbeFiles files = new ProbeFiles(folder);
        Path other = files.write("other.yaml", "suite: other\nprobes: [{ id: a, pass: {} }]\n");
        Path mine = files.write("mine.yaml", "suite: mine\nprobes: [{ id: a, pass: {} }]\n");
        assertThat(postpatch("baseline", "--ledger", ledger(), other.toString())).isEqualTo(0);
        String otherRun = baselineRunId();
        assertThat(postpatch("verify", "--ledger", ledger(), "--against", otherRun, mine.toString())).isEqualTo(2);
        assertThat(err).contains("--against " + otherRun + ": that run is of suite 'other', not of 'mine'");
        assertThat(postpatch("verify", "--ledger", ledger(), "--against", "20990101-000000-abcdef", mine.toString())).isEqualTo(2);
        assertThat(err).contains("no such run in the ledger");
    }

    @Test
    void aCorruptLedgerStopsVerifyWithAClearMessage() throws Exception {
        Path corrupt = folder.resolve("corrupt.mv.db");
        Files.write(corrupt, "garbage".repeat(1000).getBytes());
        Path file = new ProbeFiles(folder).write("p.yaml", "suite: s\nprobes: [{ id: a, pass: {} }]\n");
        assertThat(postpatch("verify", "--ledger", corrupt.toString(), file.toString())).isEqualTo(3);
        assertThat(err).contains("cannot verify without the ledger: cannot open the ledger")
                .contains("use 'postpatch run' to check the target without a baseline");
        assertThat(postpatch("baseline", "--ledger", corrupt.toString(), file.toString())).isEqualTo(3);
        assertThat(err).contains("the baseline was NOT recorded");
    }

    @Test
    void waitPollsUntilTheTargetAnswers() {
        Path flag = folder.resolve("up");
        Path file = new ProbeFiles(folder).write("p.yaml", """
                suite: s
                probes:
                  - id: port
                    retry: false
                    flaky: { key: "%s", passOnAttempt: 3 }
                  - id: page
                    needs: [port]
                    touch: { file: "%s" }
                """.formatted(folder, flag));
        assertThat(postpatch("verify", "--ledger", ledger(), "--wait", "20s", file.toString())).isEqualTo(0);
        assertThat(out).contains("Waiting up to 20s for the target (port)").contains("The target answers (after");
        assertThat(flag).exists();
    }

    @Test
    void aWaitThatRunsOutNamesTheFirstProbesThatDidNotPassAndWhyThenGoesAhead() {
        Path file = new ProbeFiles(folder).write("p.yaml", """
                suite: s
                probes:
                  - id: health
                    fail: { message: "expected status 200 but was 404" }
                  - id: page
                    needs: [health]
                    pass: {}
                """);
        assertThat(postpatch("verify", "--ledger", ledger(), "--wait", "2s", file.toString())).isEqualTo(1);
        assertThat(out).contains("The target's first probes did not pass within 2s: health (expected status 200 but was 404); "
                + "going ahead anyway.");
    }
}
