package org.postpatch.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.postpatch.config.Durations;
import org.postpatch.engine.ProbeObserver;
import org.postpatch.model.ProbeDefinition;
import org.postpatch.model.Suite;
import org.postpatch.result.RunResult;

/**
 * {@code --wait} (baseline, verify): first waits until the target answers — until the probes that
 * need no other probe (its ports, its health endpoint) pass — polling every second. These polls are
 * not recorded. When the time is up, the command goes ahead and reports what does not answer. The
 * moment the target first answered tells the verdict that the target has just started.
 */
final class TargetWait {

    private static final Duration EVERY = Duration.ofSeconds(1);

    private final Output output;
    private final RunOptions options;
    private final CommandRuns runs;

    TargetWait(Output output, RunOptions options, CommandRuns runs) {
        this.output = output;
        this.options = options;
        this.runs = runs;
    }

    /** Waits; returns when the target was first seen answering, empty when it did not answer in time. */
    Optional<Instant> await(List<Suite> all, Duration atMost) {
        List<Suite> suites;
        try {
            suites = options.tags == null ? all : org.postpatch.run.Runner.select(all, CommandRuns.tags(options));
        } catch (IllegalArgumentException selectsNothing) {
            throw new BadInputException(selectsNothing.getMessage());
        }
        List<Suite> roots = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Suite suite : suites) {
            List<ProbeDefinition> first = suite.probes().stream().filter(p -> p.needs().isEmpty()).toList();
            first.forEach(p -> ids.add(p.id()));
            roots.add(new Suite(suite.name(), suite.files(), suite.variables(), first));
        }
        output.info("Waiting up to " + Durations.format(atMost) + " for the target (" + String.join(", ", ids) + ")...");
        long start = System.nanoTime();
        AtomicReference<RunResult> last = new AtomicReference<>();
        try {
            Awaitility.with().dontCatchUncaughtExceptions().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(EVERY)
                    .atMost(atMost)
                    .until(() -> {
                        RunResult poll = CommandRuns.run(runs.runner(options, org.postpatch.run.Fingerprints.machine(),
                                ProbeObserver.NONE, false), roots);
                        last.set(poll);
                        return runs.interrupted() || poll.probes().stream().allMatch(p -> p.passed());
                    });
            if (!runs.interrupted()) {
                output.info("The target answers (after " + Durations.format(Duration.ofNanos(System.nanoTime() - start)) + ").");
                return Optional.of(last.get().startedAt());
            }
            return Optional.empty();
        } catch (ConditionTimeoutException notUp) {
            String failing = last.get() == null ? "" : String.join(", ", last.get().probes().stream()
                    .filter(p -> !p.passed()).map(p -> p.id() + " (" + output.redactor().redact(p.message()) + ")").toList());
            // It may well have answered (a 404, a wrong body): what is known is that these did not pass.
            output.info("The target's first probes did not pass within " + Durations.format(atMost)
                    + (failing.isEmpty() ? "" : ": " + failing) + "; going ahead anyway.");
            return Optional.empty();
        }
    }
}
