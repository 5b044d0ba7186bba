package org.postpatch.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.postpatch.ledger.RunKind;
import org.postpatch.model.Suite;
import org.postpatch.result.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code postpatch run}: run the suites and answer pass or fail. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the probe suites in these files or folders.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:PASS (warnings allowed)", "1:FAIL (or WARN with --fail-on-warn)", "2:bad input (invalid probe file, bad option, "
                + "an --app-pid/--app-port process that is not there, not a JVM or not readable)",
                "3:could not complete (interrupted, internal error, a passing run that could not be recorded, "
                        + "a report that could not be written)"})
final class RunCommand implements Callable<Integer> {

    @Mixin
    SuiteFiles files;

    @Mixin
    RunOptions options;

    @Mixin
    FingerprintOption fingerprint;

    @Mixin
    LedgerOption ledger;

    private final Output output;

    /** The ledger being opened while the probes run; set once the files are loaded. */
    private LedgerOpening opening;

    RunCommand(Output output) {
        this.output = output;
    }

    @Override
    public Integer call() {
        CommandRuns runs = new CommandRuns(output);
        RunResult result = loadAndRun(runs);
        return new RunConclusion(output).conclude(result, null, options, opening, RunKind.RUN);
    }

    /**
     * The run of the files. The suites are not kept past it: recording and reporting need only the
     * result, and the files of a suite of 100,000 probes take 150 MB. The ledger opens while the
     * probes run, once the files proved good (bad input creates no ledger).
     */
    private RunResult loadAndRun(CommandRuns runs) {
        List<Suite> suites = files.load(output);
        opening = LedgerOpening.start(ledger.location(), suites);
        return runs.run(suites, options, fingerprint.read(output), true);
    }
}
