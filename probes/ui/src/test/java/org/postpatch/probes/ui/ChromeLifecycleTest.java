package org.postpatch.probes.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.model.Suite;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;
import org.postpatch.run.Runner;
import org.postpatch.testkit.ProbeTestKit;

/**
 * How Chromium lives and dies with a run: one browser for all ui probes of a run, and nothing left of
 * it afterwards, whether the run ends normally, a probe times out, the run's deadline expires or the
 * run is interrupted.
 */
class ChromeLifecycleTest {

    /** A hang guard only: a run returns after its browsers are gone, so leftovers are looked for at once. */
    private static final Duration GONE = Duration.ofSeconds(20);
    private static final int RUNS_AT_ONCE = 2;

    private static TestSite site;

    @TempDir
    Path folder;

    @BeforeAll
    static void startTheSite() {
        SeleniumManagerTripwire.arm();
        site = new TestSite();
    }

    @AfterAll
    static void stopTheSite() {
        site.close();
    }

    private static String probe(String id, String timeout, String open, String steps) {
        return """
                  - id: %s
                    timeout: %s
                    ui: { browser: chrome, open: "%s%s", steps: %s }
                """.formatted(id, timeout, site.base(), open, steps);
    }

    /**
     * A suite whose timed probe runs once the browser is up: the first probe starts Chromium (which
     * takes seconds on a busy machine), so the timed probe's short timeout is spent on its own steps.
     */
    private static String afterStart(String id, String open, String steps) {
        return "suite: cycle\nprobes:\n" + probe("starts-chromium", "60s", "/clean", "[]") + """
                  - id: %s
                    needs: [starts-chromium]
                    timeout: 1500ms
                    ui: { browser: chrome, open: "%s%s", steps: %s }
                """.formatted(id, site.base(), open, steps);
    }

    @Test
    void tenUiProbesInOneRunStartOneBrowser() {
        CountingWrappers wrappers = CountingWrappers.in(folder);
        StringBuilder yaml = new StringBuilder("suite: ten\ndefaults: { timeout: 60s }\nprobes:\n");
        for (int i = 1; i <= 10; i++) {
            yaml.append("""
                      - id: page-%d
                        ui:
                          browser: chrome
                          driver: %s
                          binary: %s
                          open: %s/scripted
                          steps: [ { see: Made by script } ]
                    """.formatted(i, wrappers.driver(), wrappers.binary(), site.base()));
        }

        RunResult run = ProbeTestKit.in(folder).run(Runner.builder().parallel(8).attachments(folder.resolve("attachments")),
                ProbeTestKit.in(folder).write("ten.yaml", yaml.toString()));

        assertThat(run.probes()).hasSize(10).allSatisfy(probe ->
                assertThat(probe.status()).as(probe.id() + ": " + probe.message()).isEqualTo(ProbeStatus.PASSED));
        assertThat(wrappers.started()).as("chromedriver and Chromium starts, by the path they were started as")
                .containsExactlyInAnyOrder(wrappers.driver().toString(), wrappers.binary().toString());
    }

    @Test
    void twentyRunsWithTimeoutsDeadlinesAndAnInterruptLeaveNoBrowserNorFolderBehind() throws Exception {
        Set<Path> foldersBefore = BrowserLeftovers.folders();
        ProbeTestKit files = ProbeTestKit.in(folder);
        Path passAndFail = files.write("pass-and-fail.yaml", "suite: cycle\nprobes:\n"
                + probe("passes", "30s", "/scripted", "[ { see: Made by script } ]")
                + probe("fails", "30s", "/login", "[ { see: Welcome } ]"));
        Path neverLoads = files.write("never-loads.yaml",
                afterStart("never-loads", "/never", "[]"));
        Path waitsForever = files.write("waits-forever.yaml",
                afterStart("waits-forever", "/delayed", "[ { wait: { see: Never there, within: 1h } } ]"));
        Path scriptNeverEnds = files.write("script-never-ends.yaml",
                afterStart("script-never-ends", "/spin", "[ { see: Busy } ]"));
        Path outlivesTheRun = files.write("outlives-the-run.yaml", "suite: cycle\nprobes:\n"
                + probe("outlives-the-run", "60s", "/never", "[]"));

        List<Runnable> runs = new ArrayList<>();
        for (int run = 1; run <= 19; run++) {
            runs.add(switch (run % 5) {
                case 0 -> () -> {
                    RunResult result = run(Runner.builder(), passAndFail);
                    assertThat(status(result, "passes")).isEqualTo(ProbeStatus.PASSED);
                    assertThat(status(result, "fails")).isEqualTo(ProbeStatus.FAILED);
                };
                case 1 -> () -> assertFailedOnTime(run(Runner.builder(), neverLoads), "never-loads",
                        "open '" + site.base() + "/never': the page did not load within");
                case 2 -> () -> assertFailedOnTime(run(Runner.builder(), waitsForever), "waits-forever",
                        "step 1 wait for text 'Never there': not there within");
                case 3 -> () -> assertFailedOnTime(run(Runner.builder(), scriptNeverEnds), "script-never-ends",
                        "open '" + site.base() + "/spin': ");
                // Ends while Chromium starts or waits for the page, depending on how busy the machine is.
                default -> () -> assertThat(status(run(Runner.builder().timeout(Duration.ofSeconds(2)), outlivesTheRun),
                        "outlives-the-run")).isEqualTo(ProbeStatus.FAILED);
            });
        }
        // Runs mostly wait (on timeouts and pages that never answer), so a few go at once, as runs of an
        // embedding application's scheduler might; each batch must leave nothing behind.
        ExecutorService together = Executors.newFixedThreadPool(RUNS_AT_ONCE);
        try {
            for (int first = 0; first < runs.size(); first += RUNS_AT_ONCE) {
                List<Future<?>> batch = new ArrayList<>();
                for (Runnable run : runs.subList(first, Math.min(runs.size(), first + RUNS_AT_ONCE))) {
                    batch.add(together.submit(run));
                }
                for (Future<?> run : batch) {
                    run.get(120, TimeUnit.SECONDS);
                }
                assertNothingLeft(foldersBefore, "after runs " + (first + 1) + " to " + (first + batch.size()));
            }
        } finally {
            together.shutdownNow();
        }

        Runner interrupted = Runner.builder().attachments(folder.resolve("attachments")).build();
        List<Suite> suites = files.load(outlivesTheRun);
        int waitingBefore = site.waitingForever();
        CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> interrupted.run(suites));
        await("Chromium to ask for the page that never answers").atMost(Duration.ofSeconds(60))
                .until(() -> site.waitingForever() > waitingBefore);
        interrupted.interrupt();
        RunResult result = running.get(60, TimeUnit.SECONDS);
        assertThat(result.interrupted()).isTrue();
        assertThat(message(result, "outlives-the-run")).isEqualTo("abandoned: interrupted");
        assertNothingLeft(foldersBefore, "after the interrupted run");
    }

    /**
     * The probe failed by its 1.5s timeout: with its own reason when the step's bound ran out first, or
     * with the engine's when a busy machine made the step overrun its bound (then its browser was killed).
     */
    private static void assertFailedOnTime(RunResult run, String id, String ownReason) {
        assertThat(status(run, id)).isEqualTo(ProbeStatus.FAILED);
        assertThat(message(run, id)).satisfiesAnyOf(
                reason -> assertThat(reason).startsWith(ownReason),
                reason -> assertThat(reason).isEqualTo("timed out after 1.5s"));
    }

    private RunResult run(Runner.Builder runner, Path file) {
        RunResult result = ProbeTestKit.in(folder).run(runner.attachments(folder.resolve("attachments")), file);
        // The test's output file shows which way each run ended.
        System.out.println(result.probes().stream().map(p -> p.id() + " " + p.status() + " " + p.message()).toList());
        return result;
    }

    private static ProbeStatus status(RunResult run, String id) {
        return result(run, id).status();
    }

    private static String message(RunResult run, String id) {
        return result(run, id).message();
    }

    private static ProbeResult result(RunResult run, String id) {
        return run.probes().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private static void assertNothingLeft(Set<Path> foldersBefore, String when) {
        await(when + ": no Chromium process or folder").atMost(GONE).untilAsserted(() -> {
            assertThat(BrowserLeftovers.processes()).as(when).isEmpty();
            Set<Path> created = new HashSet<>(BrowserLeftovers.folders());
            created.removeAll(foldersBefore);
            assertThat(created).as(when).isEmpty();
        });
    }
}
