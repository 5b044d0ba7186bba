package org.postpatch.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.postpatch.model.Suite;
import picocli.CommandLine.Option;

/** {@code --wait DURATION} (baseline, verify): first wait until the target answers. */
public final class WaitOption {

    @Option(names = "--wait", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "First wait (up to DURATION) until the target answers: its first probes (those needing no "
                    + "other) pass, polled every second. The target then counts as just started: timeouts and "
                    + "'within' misses are measured again once it is warm before they are judged.")
    Duration wait;

    /** Waits when asked; returns when the target was first seen answering. */
    Optional<Instant> await(Output output, RunOptions options, CommandRuns runs, List<Suite> suites) {
        if (wait == null) {
            return Optional.empty();
        }
        if (options.tags != null) {
            CommandRuns.tags(options); // a malformed expression is reported before any waiting
        }
        return new TargetWait(output, options, runs).await(suites, wait);
    }
}
