package org.postpatch.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.postpatch.config.Durations;
import org.postpatch.model.ProbeDefinition;
import org.postpatch.model.Suite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code postpatch list}: the probes, their kinds and needs. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Show the probes of the suites: id, kind, needs, severity, timeout, retry and tags.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown", "2:a file is invalid or unreadable"})
final class ListCommand implements Callable<Integer> {

    @Mixin
    SuiteFiles files;

    private final Output output;

    ListCommand(Output output) {
        this.output = output;
    }

    @Override
    public Integer call() {
        List<Suite> suites = files.load(output);
        for (Suite suite : suites) {
            output.info("suite " + suite.name() + "  (" + String.join(", ", suite.files()) + ")");
            int width = suite.probes().stream().mapToInt(p -> p.id().length()).max().orElse(2);
            output.info(String.format("  %-" + width + "s  %-10s  %-8s  %-7s  %s", "ID", "KIND", "SEVERITY", "TIMEOUT",
                    "NEEDS / RETRY / TAGS"));
            for (ProbeDefinition probe : suite.probes()) {
                StringBuilder extra = new StringBuilder();
                if (!probe.needs().isEmpty()) {
                    extra.append("needs ").append(String.join(", ", probe.needs()));
                }
                if (probe.retry().retries()) {
                    extra.append(extra.length() > 0 ? "; " : "").append(probe.retry());
                }
                if (!probe.tags().isEmpty()) {
                    extra.append(extra.length() > 0 ? "; " : "").append("tags ")
                            .append(String.join(", ", new java.util.TreeSet<>(probe.tags())));
                }
                output.info(String.format("  %-" + width + "s  %-10s  %-8s  %-7s  %s", probe.id(), probe.kind(),
                        probe.severity().name().toLowerCase(java.util.Locale.ROOT),
                        Durations.format(probe.timeout()), extra));
            }
        }
        return ExitCodes.PASS;
    }
}
