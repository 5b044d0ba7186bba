package org.postpatch.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.postpatch.model.Suite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code postpatch validate}: check the files, run nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check the probe files and run nothing: every problem with file, line and column;"
                + " warnings (valid, but worth knowing) too.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the files are valid", "2:a file is invalid or unreadable"})
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    SuiteFiles files;

    private final Output output;

    ValidateCommand(Output output) {
        this.output = output;
    }

    @Override
    public Integer call() {
        List<Suite> suites = files.load(output, true);
        int probes = suites.stream().mapToInt(s -> s.probes().size()).sum();
        for (Suite suite : suites) {
            output.info("valid: suite " + suite.name() + " (" + suite.probes().size()
                    + (suite.probes().size() == 1 ? " probe) in " : " probes) in ")
                    + String.join(", ", suite.files()));
        }
        output.info("OK: " + suites.size() + (suites.size() == 1 ? " suite, " : " suites, ") + probes + (probes == 1 ? " probe" : " probes"));
        return ExitCodes.PASS;
    }
}
