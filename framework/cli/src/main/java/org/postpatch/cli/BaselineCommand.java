package org.postpatch.cli;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.postpatch.compare.Criteria;
import org.postpatch.compare.Plan;
import org.postpatch.engine.Snapshots;
import org.postpatch.ledger.Ledgers;
import org.postpatch.ledger.RunKind;
import org.postpatch.model.Suite;
import org.postpatch.report.ConsoleReport;
import org.postpatch.result.Fingerprint;
import org.postpatch.result.RunResult;
import org.postpatch.result.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code postpatch baseline}: run and record the result as the pre-patch baseline. */
@Command(name = "baseline", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the suites and record the result as the baseline of each suite on this target: what "
                + "'postpatch verify' will judge the patched target against. Run it just before patching.",
                "A baseline is a measurement: probes failing now are recorded, and 'verify' will report them as "
                        + "STILL_FAILING instead of blaming them on the patch. Its times are warm: probes whose first "
                        + "sample took long enough to matter are measured again, and a failure is run again before "
                        + "it is recorded."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the baseline was recorded (whatever its verdict): written, flushed and read back from the ledger",
                "2:bad input (also --ledger none, an --app-pid/--app-port process that is not there, not a JVM or not readable)",
                "3:could not complete: interrupted, the run's --timeout expired, or the baseline could not be recorded (the reports are "
                + "written all the same)"})
final class BaselineCommand implements Callable<Integer> {

    @Mixin
    SuiteFiles files;

    @Mixin
    RunOptions options;

    @Mixin
    WaitOption wait;

    @Mixin
    FingerprintOption fingerprint;

    @Mixin
    LedgerOption ledger;

    private final Output output;

    BaselineCommand(Output output) {
        this.output = output;
    }

    @Override
    public Integer call() {
        if (Ledgers.NONE.equals(ledger.location())) {
            output.error("a baseline must be recorded: --ledger none is not possible here");
            return ExitCodes.BAD_INPUT;
        }
        CommandRuns runs = new CommandRuns(output);
        List<Suite> suites = files.load(output);
        Optional<Instant> answered = wait.await(output, options, runs, suites);
        if (runs.interrupted()) {
            return ExitCodes.INCOMPLETE;
        }
        Fingerprint now = fingerprint.read(output);
        LedgerOpening opening = LedgerOpening.start(ledger.location(), suites);
        // Every snapshot probe is sampled twice: what differs between the two answers is noise.
        RunResult result = runs.run(suites, options, now, false, Snapshots.recording());
        // The baseline's times are what verify judges SLOWER by: measured again warm, so that a cold
        // first request does not hide a slowdown; its failures are confirmed, so that a flake does not
        // hide the regression that follows.
        Criteria criteria = Criteria.of(suites).targetStart(CommandRuns.targetStart(answered, now));
        result = runs.recheck(null, result, suites, Plan.of(criteria, true, result.startedAt(), options.timeout),
                options, Snapshots.recording()).result();
        new ConsoleReport(output.out(), output.redactor(), output.colour()).summary(result);
        RunConclusion conclusion = new RunConclusion(output);
        if (result.interrupted() || result.timedOut()) {
            conclusion.writeReports(result, options);
            output.error((result.interrupted() ? "interrupted" : "the run's timeout expired")
                    + ": no baseline recorded (a partial baseline would hide what the patch breaks)");
            return ExitCodes.INCOMPLETE;
        }
        Optional<RuntimeException> notRecorded = conclusion.record(result, opening, RunKind.BASELINE, null);
        // The reports are written either way: without a baseline, they are the evidence of what was measured.
        boolean reported = conclusion.writeReports(result, options);
        if (notRecorded.isPresent()) {
            conclusion.notRecorded("the baseline was NOT recorded (a later 'verify' cannot judge against it)",
                    notRecorded.get());
            return ExitCodes.INCOMPLETE;
        }
        long notPassing = result.probes().stream().filter(p -> !p.passed()).count();
        output.info("baseline " + result.runId() + " recorded for " + result.suiteNames() + " on " + result.target()
                + (result.verdict() == Verdict.PASS ? ""
                : ": " + notPassing + " probe(s) already do not pass before the patch; verify will report them as "
                        + "STILL_FAILING, not as regressions"));
        return reported ? ExitCodes.PASS : ExitCodes.INCOMPLETE;
    }
}
