package org.postpatch.cli;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import org.postpatch.compare.Comparison;
import org.postpatch.config.IoProblems;
import org.postpatch.ledger.LedgerException;
import org.postpatch.ledger.LedgerRun;
import org.postpatch.ledger.RunKind;
import org.postpatch.ledger.Trigger;
import org.postpatch.report.Reports;
import org.postpatch.report.RunReport;
import org.postpatch.result.RunResult;

/** How a command ends a run: recorded in the ledger, written to its {@code --report} files, answered with an exit code. */
final class RunConclusion {

    private final Output output;

    RunConclusion(Output output) {
        this.output = output;
    }

    /**
     * Records a run, judged against a baseline when {@code comparison} is not null.
     *
     * @return empty when the run is recorded — written, flushed and read back from the ledger — else
     *         why it is not, for the caller to report
     */
    Optional<RuntimeException> record(RunResult result, LedgerOpening opening, RunKind kind, Comparison comparison) {
        List<LedgerRun> runs = LedgerRun.of(result, kind, Trigger.COMMAND_LINE,
                comparison == null ? null : comparison.baseline().runId(), null, comparison);
        // The ledger's thread connects and writes the run's rows while this one renders the report.
        CompletableFuture<String> report = new CompletableFuture<>();
        FutureTask<Void> recording = opening.record(runs, report::join);
        try {
            report.complete(Reports.JSON.render(RunReport.of(result, comparison, output.redactor())));
        } catch (RuntimeException | Error unrendered) {
            // The recording rolls back, and what failed here is what the caller gets.
            report.completeExceptionally(unrendered);
            awaitQuietly(recording);
            throw unrendered;
        }
        try {
            LedgerOpening.outcome(recording);
            return Optional.empty();
        } catch (LedgerException | IllegalArgumentException e) {
            return Optional.of(e);
        }
    }

    private static void awaitQuietly(FutureTask<Void> recording) {
        try {
            LedgerOpening.outcome(recording);
        } catch (RuntimeException | Error alsoFailed) {
            // It failed because the report did; the report's failure is the one to tell.
        }
    }

    /** Says that a run was not recorded and why, in one line (the stack trace follows with POSTPATCH_DEBUG). */
    void notRecorded(String what, RuntimeException why) {
        output.error(what + ": " + why.getMessage());
        output.trace(why);
    }

    /**
     * Records the run (a ledger problem is said and does not stop the reports), writes its reports and
     * returns the exit code: the verdict's (the verify's when judged against a baseline), or 3 when the
     * run could not be recorded or a report could not be written on an otherwise passing run.
     */
    int conclude(RunResult result, Comparison comparison, RunOptions options, LedgerOpening ledger, RunKind kind) {
        Optional<RuntimeException> notRecorded = ledger.records() ? record(result, ledger, kind, comparison) : Optional.empty();
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
        RunReport run = options.reports.isEmpty() ? null : RunReport.of(result, comparison, output.redactor());
        for (ReportOption report : options.reports) {
            String format = report.format().name();
            try {
                report.format().write(run, report.file());
                output.err().println("postpatch: wrote " + format + " report " + report.file());
            } catch (IOException | RuntimeException e) {
                output.error("could not write the " + format.toUpperCase(Locale.ROOT) + " report " + report.file() + ": "
                        + (e instanceof IOException unwritable ? IoProblems.describe(unwritable) : e.getMessage()));
                written = false;
            }
        }
        output.err().flush();
        return written;
    }
}
