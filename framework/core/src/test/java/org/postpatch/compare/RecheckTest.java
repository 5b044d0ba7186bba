package org.postpatch.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.model.Suite;
import org.postpatch.result.Confirmation;
import org.postpatch.result.Fingerprint;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;
import org.postpatch.result.Verdict;
import org.postpatch.run.Runner;
import org.postpatch.testing.ProbeFiles;

/** Running probes again before a verdict, through the real engine. */
class RecheckTest {

    @TempDir
    Path folder;

    private static final Fingerprint FINGERPRINT = new Fingerprint(Map.of("os.version", "6.1"));

    private List<Suite> suites;

    private RunResult firstRun(String yaml) {
        suites = new ProbeFiles(folder).load(new ProbeFiles(folder).write("probes.yaml", yaml));
        return runner().run(suites);
    }

    private Runner runner() {
        return Runner.builder().attachments(folder.resolve("attachments")).fingerprint(FINGERPRINT).build();
    }

    private final AtomicInteger reruns = new AtomicInteger();

    private Recheck.Rechecked recheck(Baseline baseline, RunResult first, Plan plan) {
        return Recheck.of(baseline, first, suites, plan, (subset, timeLeft) -> {
            reruns.incrementAndGet();
            return Runner.builder().attachments(folder.resolve("attachments")).fingerprint(FINGERPRINT).timeout(timeLeft)
                    .build().run(subset);
        });
    }

    /** A baseline in which every probe of the suite passed in 5 ms. */
    private Baseline allPassed() {
        List<Baseline.Probe> probes = suites.get(0).probes().stream()
                .map(p -> new Baseline.Probe(p.id(), "PASSED", 5)).toList();
        return new Baseline("b1", Instant.now().minusSeconds(60), FINGERPRINT, Map.of(suites.get(0).name(), probes));
    }

    private Plan plan(TargetStart start) {
        return new Plan(Criteria.of(suites).targetStart(start), false, Duration.ofMillis(50), null);
    }

    /** A plan for a target that answered for the first time just now. */
    private Plan justStarted() {
        return plan(TargetStart.answeredAt(Instant.now()));
    }

    /** How the probe of suite s compares with the baseline after the recheck. */
    private static Change change(Recheck.Rechecked checked, String id) {
        return checked.comparison().of("s", id).orElseThrow().change();
    }

    private static ProbeResult probe(RunResult run, String id) {
        return run.probes().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aFailureThatPassesWhenRunAgainIsFlakyAndWhatItBlockedGetsItsOwnResult() {
        RunResult first = firstRun("""
                suite: s
                probes:
                  - id: root
                    flaky: { key: "%s/root", passOnAttempt: 2 }
                  - id: child
                    needs: [root]
                    pass: {}
                """.formatted(folder));
        assertThat(probe(first, "child").status()).isEqualTo(ProbeStatus.BLOCKED);

        Recheck.Rechecked checked = recheck(allPassed(), first, plan(TargetStart.UNKNOWN));

        assertThat(change(checked, "root")).isEqualTo(Change.FLAKY);
        assertThat(checked.comparison().of("s", "root").orElseThrow().note())
                .isEqualTo("failed (not yet (attempt 1)), passed when run again");
        ProbeResult root = probe(checked.result(), "root");
        assertThat(root.confirmation()).isEqualTo(Confirmation.FLAKED);
        assertThat(root.samples()).extracting(s -> s.status()).containsExactly(ProbeStatus.FAILED, ProbeStatus.PASSED);
        assertThat(probe(checked.result(), "child").status()).isEqualTo(ProbeStatus.PASSED);
        assertThat(change(checked, "child")).isEqualTo(Change.SAME);
        assertThat(checked.comparison().verdict(checked.result())).isEqualTo(Verdict.WARN);
        assertThat(checked.notes()).anyMatch(note -> note.contains("1 passed when run again (FLAKY) (root)"));
    }

    @Test
    void aProbeThatFailsForTheFirstTimeOnceItsBlockerPassesIsConfirmedInTheNextRound() {
        RunResult first = firstRun("""
                suite: s
                probes:
                  - id: root
                    flaky: { key: "%s/root", passOnAttempt: 2 }
                  - id: child
                    needs: [root]
                    flaky: { key: "%s/child", passOnAttempt: 2 }
                """.formatted(folder, folder));

        Recheck.Rechecked checked = recheck(allPassed(), first, plan(TargetStart.UNKNOWN));

        assertThat(reruns).hasValue(2);
        assertThat(change(checked, "root")).isEqualTo(Change.FLAKY);
        assertThat(change(checked, "child")).isEqualTo(Change.FLAKY);
        assertThat(probe(checked.result(), "child").samples()).extracting(s -> s.status())
                .containsExactly(ProbeStatus.BLOCKED, ProbeStatus.FAILED, ProbeStatus.PASSED);
    }

    @Test
    void aFailureThatFailsAgainIsRegressedAndWhatItBlocksIsBlockedUnderIt() {
        RunResult first = firstRun("""
                suite: s
                probes:
                  - id: root
                    fail: { message: "expected status 200 but was 404" }
                  - id: child
                    needs: [root]
                    pass: {}
                  - id: other
                    pass: {}
                """);

        Recheck.Rechecked checked = recheck(allPassed(), first, plan(TargetStart.UNKNOWN));

        Comparison comparison = checked.comparison();
        assertThat(comparison.of("s", "root").orElseThrow().change()).isEqualTo(Change.REGRESSED);
        assertThat(probe(checked.result(), "root").confirmation()).isEqualTo(Confirmation.REPRODUCED);
        assertThat(comparison.of("s", "child").orElseThrow().change()).isEqualTo(Change.BLOCKED);
        assertThat(comparison.of("s", "child").orElseThrow().note()).isEqualTo("blocked by root (REGRESSED)");
        assertThat(comparison.summary()).isEqualTo("1 regressed (1 blocked by it), 0 fixed, 0 still failing, 0 new, 0 removed, "
                + "0 slower, 1 same");
        assertThat(comparison.verdict(checked.result())).isEqualTo(Verdict.FAIL);
    }

    @Test
    void rightAfterTheTargetStartedATimeoutThatPassesWarmIsJudgedOnItsWarmSample() {
        String yaml = """
                suite: s
                probes:
                  - id: page
                    timeout: 300ms
                    slowFirst: { key: "%s", first: 5s }
                """;
        RunResult first = firstRun(yaml.formatted(folder + "/fresh"));
        assertThat(probe(first, "page").late()).as("a timeout is a late miss").isTrue();

        Recheck.Rechecked fresh = recheck(allPassed(), first, justStarted());
        assertThat(change(fresh, "page")).isEqualTo(Change.SAME);
        assertThat(fresh.comparison().of("s", "page").orElseThrow().note())
                .startsWith("missed its time right after the target started (timed out after 300ms)");
        assertThat(probe(fresh.result(), "page").confirmation()).isEqualTo(Confirmation.WARMED_UP);
        assertThat(fresh.comparison().verdict(fresh.result())).isEqualTo(Verdict.PASS);

        // Long after the start, the same miss is a flake: a warning.
        RunResult later = firstRun(yaml.formatted(folder + "/later"));
        // Counted from the run's own start: the run itself may take seconds on a busy machine.
        Recheck.Rechecked stale = recheck(allPassed(), later,
                plan(TargetStart.answeredAt(later.startedAt().minus(TargetStart.FRESH_FOR).minusSeconds(1))));
        assertThat(change(stale, "page")).isEqualTo(Change.FLAKY);
    }

    @Test
    void rightAfterTheTargetStartedALateMissThatIsLateAgainIsMeasuredAgainUntilTheTargetIsWarm() {
        RunResult first = firstRun("""
                suite: s
                probes:
                  - id: page
                    timeout: 300ms
                    slowFirst: { key: "%s/page", first: 5s, runs: 3 }
                """.formatted(folder));

        Recheck.Rechecked checked = recheck(allPassed(), first, justStarted());

        ProbeResult page = probe(checked.result(), "page");
        assertThat(page.samples()).extracting(s -> s.status())
                .containsExactly(ProbeStatus.FAILED, ProbeStatus.FAILED, ProbeStatus.FAILED, ProbeStatus.PASSED);
        assertThat(page.confirmation()).isEqualTo(Confirmation.WARMED_UP);
        assertThat(change(checked, "page")).isEqualTo(Change.SAME);
        assertThat(checked.comparison().verdict(checked.result())).isEqualTo(Verdict.PASS);
    }

    @Test
    void rightAfterTheTargetStartedAMissThatStaysLateInEveryRoundIsRegressed() {
        RunResult first = firstRun("""
                suite: s
                probes:
                  - id: page
                    timeout: 300ms
                    slowFirst: { key: "%s/page", first: 5s, runs: 99 }
                """.formatted(folder));

        Recheck.Rechecked checked = recheck(allPassed(), first, justStarted());

        assertThat(reruns).as("rounds in all").hasValue(4);
        ProbeResult page = probe(checked.result(), "page");
        assertThat(page.samples()).hasSize(5).allMatch(sample -> sample.status() == ProbeStatus.FAILED);
        assertThat(page.confirmation()).isEqualTo(Confirmation.REPRODUCED);
        assertThat(change(checked, "page")).isEqualTo(Change.REGRESSED);
    }

    @Test
    void longAfterTheTargetStartedALateMissThatIsLateAgainIsRegressedAtOnce() {
        RunResult first = firstRun("""
                suite: s
                probes:
                  - id: page
                    timeout: 300ms
                    slowFirst: { key: "%s/page", first: 5s, runs: 2 }
                """.formatted(folder));

        Recheck.Rechecked checked = recheck(allPassed(), first,
                plan(TargetStart.answeredAt(first.startedAt().minus(TargetStart.FRESH_FOR).minusSeconds(1))));

        assertThat(reruns).hasValue(1);
        assertThat(change(checked, "page")).isEqualTo(Change.REGRESSED);
    }

    @Test
    void aLateMissWhoseRunAgainAProbeItNeedsBlockedIsMeasuredAgainInTheNextRound() {
        RunResult first = firstRun("""
                suite: s
                probes:
                  - id: health
                    failsOn: { key: "%s/health", attempts: [2] }
                  - id: page
                    needs: [health]
                    timeout: 300ms
                    slowFirst: { key: "%s/page", first: 5s }
                """.formatted(folder, folder));
        assertThat(probe(first, "page").late()).isTrue();

        Recheck.Rechecked checked = recheck(allPassed(), first, justStarted());

        ProbeResult page = probe(checked.result(), "page");
        assertThat(page.samples()).extracting(s -> s.status())
                .containsExactly(ProbeStatus.FAILED, ProbeStatus.BLOCKED, ProbeStatus.PASSED);
        assertThat(page.confirmation()).isEqualTo(Confirmation.WARMED_UP);
        assertThat(change(checked, "page")).isEqualTo(Change.SAME);
        assertThat(checked.comparison().verdict(checked.result())).isEqualTo(Verdict.PASS);
        assertThat(reruns).hasValue(2);
    }

    @Test
    void aFailureThatAProbeItNeedsKeepsBlockingWhenRunAgainStandsAfterTheLastRound() {
        RunResult first = firstRun("""
                suite: s
                probes:
                  - id: health
                    failsOn: { key: "%s/health", attempts: [2, 3, 4, 5, 6, 7, 8, 9] }
                  - id: page
                    needs: [health]
                    fail: { message: "expected status 200 but was 500" }
                """.formatted(folder));

        Recheck.Rechecked checked = recheck(allPassed(), first, plan(TargetStart.UNKNOWN));

        assertThat(reruns).as("rounds in all").hasValue(4);
        ProbeResult page = probe(checked.result(), "page");
        assertThat(page.confirmation()).isEqualTo(Confirmation.NONE);
        assertThat(change(checked, "page")).isEqualTo(Change.REGRESSED);
        assertThat(checked.notes()).anyMatch(note -> note.contains("1 could not be run again to the end (page)"));
    }

    @Test
    void forABaselineAWarmMeasurementThatAProbeItNeedsBlockedIsTakenInTheNextRound() {
        RunResult first = firstRun("""
                suite: s
                probes:
                  - id: health
                    failsOn: { key: "%s/health", attempts: [2] }
                  - id: cold-page
                    needs: [health]
                    slowFirst: { key: "%s/cold", first: 400ms }
                """.formatted(folder, folder));

        Recheck.Rechecked checked = recheck(null, first, new Plan(Criteria.of(suites), true, Duration.ofMillis(50), null));

        ProbeResult cold = probe(checked.result(), "cold-page");
        assertThat(cold.samples()).extracting(s -> s.status())
                .containsExactly(ProbeStatus.PASSED, ProbeStatus.BLOCKED, ProbeStatus.PASSED);
        assertThat(cold.lastAttempt()).isLessThan(Duration.ofMillis(400)).isEqualTo(cold.samples().get(2).time());
    }

    @Test
    void nothingRunsAgainPastTheRunsDeadline() {
        RunResult first = firstRun("""
                suite: s
                probes:
                  - id: root
                    fail: {}
                """);
        Plan expired = new Plan(Criteria.of(suites), false, Duration.ofMillis(50), Instant.now().minusSeconds(1));

        Recheck.Rechecked checked = recheck(allPassed(), first, expired);

        assertThat(reruns).hasValue(0);
        assertThat(change(checked, "root")).isEqualTo(Change.REGRESSED);
        assertThat(probe(checked.result(), "root").confirmation()).isEqualTo(Confirmation.NONE);
        assertThat(checked.notes()).anyMatch(note -> note.contains("deadline"));
    }

    @Test
    void aFailureOfEveryRetryAttemptHasConfirmedItselfAndIsNotRunAgain() {
        RunResult first = firstRun("""
                suite: s
                probes:
                  - id: root
                    retry: { until: 300ms, every: 50ms }
                    fail: {}
                """);
        assertThat(probe(first, "root").attempts()).isGreaterThan(1);

        Recheck.Rechecked checked = recheck(allPassed(), first, plan(TargetStart.UNKNOWN));

        assertThat(reruns).hasValue(0);
        assertThat(change(checked, "root")).isEqualTo(Change.REGRESSED);
    }

    @Test
    void forABaselineSlowFirstSamplesAreMeasuredAgainWarmAndFastOnesAreLeftAlone() {
        RunResult first = firstRun("""
                suite: s
                probes:
                  - id: cold-page
                    slowFirst: { key: "%s/cold", first: 400ms }
                  - id: fast
                    pass: {}
                """.formatted(folder));

        Recheck.Rechecked checked = recheck(null, first,
                new Plan(Criteria.of(suites), true, Duration.ofMillis(50), null));

        ProbeResult cold = probe(checked.result(), "cold-page");
        assertThat(cold.samples()).hasSize(2);
        assertThat(cold.samples().get(0).time()).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(cold.lastAttempt()).isLessThan(Duration.ofMillis(400)).isEqualTo(cold.samples().get(1).time());
        assertThat(probe(checked.result(), "fast").samples()).isEmpty();
        assertThat(checked.comparison()).isNull();
        assertThat(checked.notes()).anyMatch(note -> note.startsWith("Measured 1 probe(s) again warm"));
    }
}
