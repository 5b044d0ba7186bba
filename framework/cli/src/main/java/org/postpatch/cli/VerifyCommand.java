package org.postpatch.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.postpatch.compare.Baseline;
import org.postpatch.compare.Comparison;
import org.postpatch.compare.Criteria;
import org.postpatch.compare.Plan;
import org.postpatch.compare.Recheck;
import org.postpatch.engine.Snapshots;
import org.postpatch.ledger.Baselines;
import org.postpatch.ledger.LatencyHistory;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.LedgerException;
import org.postpatch.ledger.LedgerRun;
import org.postpatch.ledger.Ledgers;
import org.postpatch.ledger.RunKind;
import org.postpatch.model.Suite;
import org.postpatch.report.ConsoleReport;
import org.postpatch.result.Fingerprint;
import org.postpatch.result.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code postpatch verify}: run, and judge the result against the baseline from before the patch. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the suites and judge them against the latest baseline of the same suite and target "
                + "(or --against RUN_ID): what did this patch break?",
                "Each probe is REGRESSED (passed before, fails now, and again when run again), BLOCKED (a probe it "
                        + "needs does not pass), FLAKY (failed once, passed when run again), STILL_FAILING (failed "
                        + "before too), FIXED, NEW, REMOVED, SLOWER (beyond its latency tolerance) or SAME. A "
                        + "regression of a critical probe fails the verify; FLAKY and STILL_FAILING are reported "
                        + "loudly (WARN), STILL_FAILING fails only with --strict. "
                        + "Without a baseline, verify says so and judges like 'run'."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the patch broke nothing (warnings allowed)", "1:a regression (or a critical new probe "
                + "failing, with --strict a probe still failing, a WARN with --fail-on-warn, the run's --timeout expired)", "2:bad input (invalid file, bad option, "
                + "--against a run of another suite or not in the ledger, an --app-pid/--app-port process that is "
                + "not there, not a JVM or not readable)",
                "3:could not complete (interrupted, the ledger could not be read, a passing run that could not be "
                        + "recorded, a report that could not be written)"})
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    SuiteFiles files;

    @Mixin
    RunOptions options;

    @Option(names = "--against", paramLabel = "RUN_ID", description = "Judge against this run instead of the latest baseline.")
    String against;

    @Mixin
    WaitOption wait;

    @Option(names = "--strict", description = "Also fail when probes that failed in the baseline still fail.")
    boolean strict;

    @Mixin
    FingerprintOption fingerprint;

    @Mixin
    LedgerOption ledger;

    private final Output output;

    VerifyCommand(Output output) {
        this.output = output;
    }

    @Override
    public Integer call() {
        CommandRuns runs = new CommandRuns(output);
        List<Suite> suites = files.load(output);
        String target = options.runner.target();
        Baseline baseline;
        Snapshots snapshots = Snapshots.NONE;
        Map<String, Duration> usualSlowest = new HashMap<>();
        try (Ledger opened = Ledgers.open(ledger.location())) {
            List<LedgerRun> recorded = findBaseline(opened, suites, target);
            if (recorded == null) {
                return ExitCodes.BAD_INPUT;
            }
            baseline = recorded.isEmpty() ? null : Baselines.of(recorded);
            if (baseline != null) {
                snapshots = Baselines.snapshots(opened, recorded, Snapshots.NONE);
                for (Suite suite : suites) {
                    usualSlowest.putAll(LatencyHistory.usualSlowest(opened.history(suite.name(), target, HISTORY)));
                }
            }
        } catch (LedgerException unreadable) {
            output.error("cannot verify without the ledger: " + unreadable.getMessage()
                    + " (use 'postpatch run' to check the target without a baseline)");
            output.trace(unreadable);
            return ExitCodes.INCOMPLETE;
        }
        if (baseline == null) {
            output.info("No baseline of " + suites.stream().map(Suite::name).collect(Collectors.joining(", ")) + " on target "
                    + target + " in " + ledger.location() + ": judging like 'postpatch run' (record one with 'postpatch "
                    + "baseline' just before patching).");
        } else {
            output.info("Judging against baseline " + baseline.runId() + " (started " + baseline.startedAt() + ").");
        }
        fingerprint.check(); // a bad --app-pid, --app-port or --fingerprint-url is reported before any waiting
        Optional<Instant> answered = wait.await(output, options, runs, suites);
        if (runs.interrupted()) {
            return ExitCodes.INCOMPLETE;
        }
        Fingerprint now = fingerprint.read(output);
        LedgerOpening opening = LedgerOpening.start(ledger.location(), suites);
        RunResult result = runs.run(suites, options, now, baseline == null, snapshots);
        Comparison comparison = null;
        if (baseline != null) {
            Criteria criteria = Criteria.of(suites).strict(strict).usualSlowest(usualSlowest)
                    .targetStart(CommandRuns.targetStart(answered, now));
            Recheck.Rechecked checked = runs.recheck(baseline, result, suites,
                    Plan.of(criteria, false, result.startedAt(), options.timeout), options, snapshots);
            result = checked.result();
            comparison = checked.comparison();
            new ConsoleReport(output.out(), output.redactor(), output.colour()).summary(result, comparison);
        }
        return new RunConclusion(output).conclude(result, comparison, options, opening, RunKind.VERIFY);
    }

    /** How many earlier runs of a suite on the target are read for the usual spread of its probes' times. */
    private static final int HISTORY = 60;

    /** The recorded baseline, empty when there is none, or null after reporting a bad --against. */
    private List<LedgerRun> findBaseline(Ledger opened, List<Suite> suites, String target) {
        Set<String> names = suites.stream().map(Suite::name).collect(Collectors.toCollection(LinkedHashSet::new));
        if (against != null) {
            List<LedgerRun> runs = opened.run(against);
            if (runs.isEmpty()) {
                output.error("--against " + against + ": no such run in the ledger " + opened.describe());
                return null;
            }
            List<LedgerRun> matching = runs.stream().filter(run -> names.contains(run.suite())).toList();
            if (matching.isEmpty()) {
                output.error("--against " + against + ": that run is of suite "
                        + runs.stream().map(r -> "'" + r.suite() + "'").collect(Collectors.joining(", "))
                        + ", not of " + names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ")));
                return null;
            }
            return matching;
        }
        List<LedgerRun> found = new ArrayList<>();
        for (String suite : names) {
            opened.latest(suite, target, Set.of(RunKind.BASELINE)).ifPresent(found::add);
        }
        return found;
    }
}
