package org.postpatch.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.postpatch.compare.Baseline;
import org.postpatch.compare.Plan;
import org.postpatch.compare.Recheck;
import org.postpatch.compare.Rerun;
import org.postpatch.compare.TargetStart;
import org.postpatch.engine.ProbeObserver;
import org.postpatch.engine.Snapshots;
import org.postpatch.model.Suite;
import org.postpatch.report.ConsoleReport;
import org.postpatch.result.Fingerprint;
import org.postpatch.result.RunResult;
import org.postpatch.run.Runner;
import org.postpatch.run.TagExpression;

/**
 * The runs of one command: every runner it makes has the command's options, and all of them stop
 * together on Ctrl-C or SIGTERM — the run, the wait for the target, a re-measurement.
 */
final class CommandRuns {

    private final Output output;
    private final AtomicReference<Runner> current = new AtomicReference<>();
    private volatile boolean interrupted;

    /**
     * One per command. From here on Ctrl-C and SIGTERM stop whatever runs now — the run, the wait
     * for the target, a re-measurement — and the command ends with exit code 3.
     */
    CommandRuns(Output output) {
        this.output = output;
        Interruption.onSignal(this::interrupt);
    }

    private void interrupt() {
        interrupted = true;
        Runner running = current.get();
        if (running != null) {
            running.interrupt();
        }
    }

    /** True once Ctrl-C or SIGTERM was received. */
    boolean interrupted() {
        return interrupted;
    }

    /**
     * A runner with the command's options (parallelism, deadline, target, attachments, tags),
     * which signals will interrupt: every run of a command is made by one of these.
     */
    Runner runner(RunOptions options, Fingerprint fingerprint, ProbeObserver observer) {
        return runner(options, fingerprint, observer, true);
    }

    /** A runner as above; {@code withTags} false when the caller has already chosen the probes. */
    Runner runner(RunOptions options, Fingerprint fingerprint, ProbeObserver observer, boolean withTags) {
        return runner(options, fingerprint, observer, withTags, options.timeout, Snapshots.NONE);
    }

    private Runner runner(RunOptions options, Fingerprint fingerprint, ProbeObserver observer, boolean withTags,
                          Duration timeout, Snapshots snapshots) {
        Runner.Builder builder = Runner.builder()
                .parallel(options.runner.parallel())
                .timeout(timeout)
                .target(options.runner.target)
                .attachments(options.attachmentFolder())
                .redactor(output.redactor())
                .observer(observer)
                .fingerprint(fingerprint)
                .snapshots(snapshots)
                .keepChecks(false); // each runner of a command runs once (a wait's poll, the run, a recheck)
        if (withTags && options.tags != null) {
            builder.tags(tags(options));
        }
        Runner runner = builder.build();
        current.set(runner);
        if (interrupted) {
            runner.interrupt();
        }
        return runner;
    }

    /**
     * How probes run again before a verdict ({@link Recheck}): quietly, on the probes chosen, within
     * what is left of the run's deadline, stopped by Ctrl-C like the run itself.
     */
    private Rerun rerun(RunOptions options, Fingerprint fingerprint, Snapshots snapshots) {
        return (suites, timeLeft) -> run(runner(options, fingerprint, ProbeObserver.NONE, false, timeLeft, snapshots),
                suites);
    }

    /**
     * Checks the run again as {@code plan} says (against {@code baseline}, null for none) and says what
     * that showed; probes run again with the run's {@code snapshots}.
     */
    Recheck.Rechecked recheck(Baseline baseline, RunResult result, List<Suite> suites, Plan plan, RunOptions options,
                              Snapshots snapshots) {
        Recheck.Rechecked checked = Recheck.of(baseline, result, suites, plan, rerun(options, result.fingerprint(),
                snapshots));
        checked.notes().forEach(output::info);
        return checked;
    }

    /**
     * When the target started, as far as this command knows: the application process's own start
     * (read from outside with --app-pid / --app-port), else the moment {@code --wait} first saw it
     * answer. This is the one place the target's start is decided for the command line.
     */
    static TargetStart targetStart(Optional<Instant> firstAnswered, Fingerprint fingerprint) {
        return fingerprint.applicationStartedAt().map(TargetStart::processStartedAt)
                .or(() -> firstAnswered.map(TargetStart::answeredAt))
                .orElse(TargetStart.UNKNOWN);
    }

    /** The --tags expression, checked. */
    static TagExpression tags(RunOptions options) {
        try {
            return TagExpression.parse(options.tags);
        } catch (IllegalArgumentException malformed) {
            throw new BadInputException(malformed.getMessage());
        }
    }

    /** Runs a runner, turning a --tags that selects nothing into bad input. */
    static RunResult run(Runner runner, List<Suite> suites) {
        try {
            return runner.run(suites);
        } catch (IllegalArgumentException selectsNothing) {
            throw new BadInputException(selectsNothing.getMessage());
        }
    }

    /** Runs with the console view; {@code summary} false leaves the summary to the caller (verify). */
    RunResult run(List<Suite> suites, RunOptions options, Fingerprint fingerprint, boolean summary) {
        return run(suites, options, fingerprint, summary, Snapshots.NONE);
    }

    /** As above, recording snapshots or comparing them with a baseline's as {@code snapshots} says. */
    RunResult run(List<Suite> suites, RunOptions options, Fingerprint fingerprint, boolean summary, Snapshots snapshots) {
        ConsoleReport console = new ConsoleReport(output.out(), output.redactor(), output.colour());
        RunResult result = run(runner(options, fingerprint, console, true, options.timeout, snapshots), suites);
        if (summary) {
            console.summary(result);
        }
        return result;
    }
}
