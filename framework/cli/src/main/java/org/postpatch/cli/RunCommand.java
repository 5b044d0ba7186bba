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
        exitCodeList = {"0:PASS (warnings allowed)", "1:FAIL", "2:bad input (invalid probe file, bad option, "
                + "an --app-pid/--app-port process that is not there, not a JVM or not readable)",
                "3:could not complete (interrupted, internal error)"})
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

    RunCommand(Output output) {
        this.output = output;
    }

    @Override
    public Integer call() {
        CommandRuns runs = new CommandRuns(output);
        List<Suite> suites = files.load(output);
        LedgerOpening opening = LedgerOpening.start(ledger.location());
        RunResult result = runs.run(suites, options, fingerprint.read(output), true);
        return new RunConclusion(output).conclude(result, null, options, opening, RunKind.RUN);
    }
}
