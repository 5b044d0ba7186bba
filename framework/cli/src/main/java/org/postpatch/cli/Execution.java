package org.postpatch.cli;

import java.io.IOException;
import java.util.List;
import org.postpatch.compare.Baseline;
import java.util.Optional;
import org.postpatch.compare.Comparison;
import org.postpatch.compare.Plan;
import org.postpatch.compare.Recheck;
import org.postpatch.compare.Rerun;
import org.postpatch.compare.TargetStart;
import org.postpatch.config.Environment;
import org.postpatch.config.InvalidSuiteException;
import org.postpatch.config.IoProblems;
import org.postpatch.config.Problem;
import org.postpatch.config.SuiteLoader;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.LedgerException;
import org.postpatch.ledger.LedgerRun;
import org.postpatch.ledger.Ledgers;
import org.postpatch.ledger.RunKind;
import org.postpatch.ledger.Trigger;
import org.postpatch.model.Suite;
import org.postpatch.report.ConsoleReport;
import org.postpatch.report.JsonReport;
import org.postpatch.report.HtmlReport;
import org.postpatch.report.JunitXmlReport;
import org.postpatch.report.PrometheusReport;
import org.postpatch.report.ReportFiles;
import org.postpatch.result.RunResult;
import org.postpatch.run.Runner;
import org.postpatch.run.TagExpression;

/** Loading suites, running them with the live console view, and writing the reports: shared by the verbs. */
final class Execution {

    private final Output output;
    private final java.util.concurrent.atomic.AtomicReference<Runner> current = new java.util.concurrent.atomic.AtomicReference<>();
    private volatile boolean interrupted;

    /**
     * One per command. From here on Ctrl-C and SIGTERM stop whatever runs now — the run, the wait
     * for the target, a re-measurement — and the command ends with exit code 3.
     */
    Execution(Output output) {
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
    Runner runner(RunOptions options, org.postpatch.result.Fingerprint fingerprint, org.postpatch.engine.ProbeObserver observer) {
        return runner(options, fingerprint, observer, true);
    }

    /** A runner as above; {@code withTags} false when the caller has already chosen the probes. */
    Runner runner(RunOptions options, org.postpatch.result.Fingerprint fingerprint, org.postpatch.engine.ProbeObserver observer,
                  boolean withTags) {
        return runner(options, fingerprint, observer, withTags, options.timeout);
    }

    private Runner runner(RunOptions options, org.postpatch.result.Fingerprint fingerprint,
                          org.postpatch.engine.ProbeObserver observer, boolean withTags, java.time.Duration timeout) {
        if (options.parallel < 1) {
            throw new BadInputException("--parallel must be at least 1, was " + options.parallel);
        }
        Runner.Builder builder = Runner.builder()
                .parallel(options.parallel)
                .timeout(timeout)
                .target(options.target)
                .attachments(options.attachmentFolder())
                .redactor(output.redactor())
                .observer(observer)
                .fingerprint(fingerprint);
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
    private Rerun rerun(RunOptions options, org.postpatch.result.Fingerprint fingerprint) {
        return (suites, timeLeft) -> run(runner(options, fingerprint, org.postpatch.engine.ProbeObserver.NONE, false,
                timeLeft), suites);
    }

    /** Checks the run again as {@code plan} says (against {@code baseline}, null for none) and says what that showed. */
    Recheck.Rechecked recheck(Baseline baseline, RunResult result, List<Suite> suites, Plan plan, RunOptions options) {
        Recheck.Rechecked checked = Recheck.of(baseline, result, suites, plan, rerun(options, result.fingerprint()));
        checked.notes().forEach(output::info);
        return checked;
    }

    /**
     * When the target started, as far as this command knows: the application process's own start
     * (read from outside with --app-pid / --app-port), else the moment {@code --wait} first saw it
     * answer. This is the one place the target's start is decided for the command line.
     */
    static TargetStart targetStart(java.util.Optional<java.time.Instant> firstAnswered,
                                   org.postpatch.result.Fingerprint fingerprint) {
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

    /**
     * Loads and validates; on problems prints every one of them and returns null.
     *
     * @throws BadInputException for a {@code --var} that no loaded suite uses
     */
    List<Suite> load(List<String> paths, VarsMixin vars) {
        return load(paths, vars, false);
    }

    /** Loads as above; with {@code showWarnings}, also prints the files' warnings ({@code validate}). */
    List<Suite> load(List<String> paths, VarsMixin vars, boolean showWarnings) {
        try {
            List<Suite> suites = SuiteLoader.builder()
                    .environment(Environment.system())
                    .overrides(vars.vars)
                    .redactor(output.redactor())
                    .warnings(warning -> {
                        if (showWarnings) {
                            output.error("warning: " + warning);
                        }
                    })
                    .build()
                    .load(paths);
            vars.checkKnown(suites, output);
            return suites;
        } catch (InvalidSuiteException invalid) {
            printProblems(invalid.problems());
            return null;
        }
    }

    void printProblems(List<Problem> problems) {
        output.err().println("postpatch: " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + " in the probe files; nothing was run:");
        for (Problem problem : problems) {
            output.err().println("  " + output.redactor().redact(problem.toString()));
        }
        output.err().flush();
    }

    /** Runs with the console view; {@code summary} false leaves the summary to the caller (verify). */
    RunResult run(List<Suite> suites, RunOptions options, org.postpatch.result.Fingerprint fingerprint, boolean summary) {
        ConsoleReport console = new ConsoleReport(output.out(), output.redactor(), output.colour());
        RunResult result = run(runner(options, fingerprint, console), suites);
        if (summary) {
            console.summary(result);
        }
        return result;
    }

    /**
     * Records a run, judged against a baseline when {@code comparison} is not null.
     *
     * @return empty when the run is recorded — written, flushed and read back from the ledger — else
     *         why it is not, for the caller to report
     */
    Optional<RuntimeException> record(RunResult result, String location, RunKind kind, Comparison comparison) {
        try (Ledger ledger = Ledgers.open(location)) {
            ledger.record(LedgerRun.of(result, kind, Trigger.COMMAND_LINE,
                            comparison == null ? null : comparison.baseline().runId(), null, comparison),
                    new JsonReport(output.redactor()).render(result, comparison));
            return Optional.empty();
        } catch (LedgerException | IllegalArgumentException e) {
            return Optional.of(e);
        }
    }

    /** Says that a run was not recorded and why, in one line (the stack trace follows with POSTPATCH_DEBUG). */
    void notRecorded(String what, RuntimeException why) {
        output.error(what + ": " + why.getMessage());
        output.trace(why);
    }

    /**
     * Records the run (a ledger problem is a warning: the run happened, its verdict stands), writes its
     * reports and returns the exit code: the verdict's (the verify's when judged against a baseline),
     * or 3 when a report could not be written on an otherwise passing run.
     */
    int conclude(RunResult result, Comparison comparison, RunOptions options, String ledger, RunKind kind) {
        Optional<RuntimeException> notRecorded = Ledgers.NONE.equals(ledger) ? Optional.empty()
                : record(result, ledger, kind, comparison);
        boolean reported = writeReports(result, comparison, options);
        int code = comparison == null ? ExitCodes.of(result, options.failOnWarn)
                : ExitCodes.of(result, comparison.verdict(result), options.failOnWarn);
        // A failing verdict keeps its exit code (a deploy script rolls back on 1); a passing one that
        // could not be recorded or reported is not complete: the ledger or the reports lack it.
        notRecorded.ifPresent(why -> notRecorded("the run was NOT recorded"
                + (code == ExitCodes.PASS ? " (exit 3; its verdict was " + result.verdict() + ")" : ""), why));
        return reported && notRecorded.isEmpty() || code != ExitCodes.PASS ? code : ExitCodes.INCOMPLETE;
    }

    /** Writes the requested reports; returns false (after saying why) if one could not be written. */
    boolean writeReports(RunResult result, RunOptions options) {
        return writeReports(result, null, options);
    }

    /** Writes the requested reports of a run judged against a baseline ({@code comparison} may be null). */
    boolean writeReports(RunResult result, Comparison comparison, RunOptions options) {
        boolean written = true;
        for (ReportOption report : options.reports) {
            try {
                switch (report.format()) {
                    case JSON -> new JsonReport(output.redactor()).write(result, comparison, report.file());
                    case JUNIT -> new JunitXmlReport(output.redactor()).write(result, comparison, report.file());
                    case HTML -> HtmlReport.write(new JsonReport(output.redactor()).tree(result, comparison), report.file());
                    case PROMETHEUS -> ReportFiles.write(report.file(), PrometheusReport.render(
                            new JsonReport(output.redactor()).tree(result, comparison), true, java.time.Instant.now(),
                            java.util.Map.of(result.verdict().name(), 1L)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                output.err().println("postpatch: wrote " + report.format().name().toLowerCase(java.util.Locale.ROOT)
                        + " report " + report.file());
            } catch (IOException e) {
                output.error("could not write the " + report.format() + " report " + report.file() + ": "
                        + IoProblems.describe(e));
                written = false;
            } catch (RuntimeException e) {
                output.error("could not write the " + report.format() + " report " + report.file() + ": " + e.getMessage());
                written = false;
            }
        }
        output.err().flush();
        return written;
    }
}
