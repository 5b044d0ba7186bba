package org.postpatch.cli;

import org.postpatch.engine.ExecutionSettings;
import picocli.CommandLine.Option;

/** The options of every command that runs probes — run, baseline, verify and serve: the target's label and how many probes run at once. */
public final class RunnerOptions {

    @Option(names = "--target", paramLabel = "NAME",
            description = "A label for the target being tested (default: this host's name).")
    String target;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "" + ExecutionSettings.DEFAULT_PARALLEL,
            description = "How many probes run at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    /**
     * How many probes run at once, checked.
     *
     * @throws BadInputException when it is less than one
     */
    int parallel() {
        if (parallel < 1) {
            throw new BadInputException("--parallel must be at least 1, was " + parallel);
        }
        return parallel;
    }

    /** The target's label: as given, or this host's name. */
    String target() {
        return target != null ? target : ExecutionSettings.hostName();
    }
}
