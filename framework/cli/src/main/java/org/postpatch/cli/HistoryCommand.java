package org.postpatch.cli;


import org.postpatch.api.ProbeStatus;
import org.postpatch.compare.Change;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.postpatch.compare.Comparison;
import org.postpatch.config.Durations;
import org.postpatch.ledger.FlakeRate;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.LedgerException;
import org.postpatch.ledger.LedgerProbe;
import org.postpatch.ledger.LedgerRun;
import org.postpatch.ledger.Ledgers;
import org.postpatch.ledger.PatchFigures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code postpatch history}: past runs and the patch figures. */
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show past runs (newest first) and, per suite and target, the figures that say whether "
                + "small, frequent patches pay off: patches seen, runs per patch, time from patch to verdict, "
                + "failures caught, rollbacks; and each probe's flake rate (failed, then passed when run again).",
                "A run is recorded, and listed here, once it is written, flushed to the ledger's file and read "
                        + "back; a command that cannot record its run says so and exits 3 (a failing 'run' or 'verify' "
                        + "keeps its exit 1). Processes recording at once wait their turn and lose "
                        + "nothing. A read-only ledger is shown as it is."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown", "2:bad option", "3:the ledger could not be read"})
final class HistoryCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Option(names = "--suite", paramLabel = "S", description = "Only this suite.")
    String suite;

    @Option(names = "--target", paramLabel = "T", description = "Only this target.")
    String target;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "How many runs to list (default: ${DEFAULT-VALUE}); figures use the last 1000.")
    int limit;

    @Option(names = "--mark-rolled-back", paramLabel = "RUN_ID",
            description = "Record that the patch verified by this run was rolled back (for deploy scripts), then show the history.")
    String rolledBack;

    @Mixin
    LedgerOption ledger;

    private final Output output;

    HistoryCommand(Output output) {
        this.output = output;
    }

    @Override
    public Integer call() {
        if (limit < 1) {
            output.error("--limit must be at least 1, was " + limit);
            return ExitCodes.BAD_INPUT;
        }
        if (Ledgers.notCreatedYet(ledger.location())) {
            if (rolledBack != null) {
                output.error("--mark-rolled-back " + rolledBack + ": no such run: nothing was ever recorded in "
                        + ledger.location());
                return ExitCodes.BAD_INPUT;
            }
            output.info("No runs recorded in " + ledger.location() + " (no ledger there yet: 'postpatch run', 'baseline' "
                    + "and 'verify' create it).");
            return ExitCodes.PASS;
        }
        try (Ledger opened = Ledgers.open(ledger.location())) {
            if (rolledBack != null) {
                if (!opened.markRolledBack(rolledBack)) {
                    output.error("--mark-rolled-back " + rolledBack + ": no such run in the ledger " + opened.describe());
                    return ExitCodes.BAD_INPUT;
                }
                output.info("run " + rolledBack + " marked as rolled back");
            }
            List<LedgerRun> recent = opened.history(suite, target, Math.max(limit, 1000));
            if (recent.isEmpty()) {
                output.info("No runs recorded" + (suite != null ? " for suite " + suite : "")
                        + (target != null ? " on target " + target : "") + " in " + opened.describe() + ".");
                return ExitCodes.PASS;
            }
            printRuns(recent, limit);
            output.info("");
            printFigures(PatchFigures.of(recent));
            printFlakes(FlakeRate.of(recent), recent.size());
            return ExitCodes.PASS;
        } catch (LedgerException e) {
            output.error(e.getMessage());
            output.trace(e);
            return ExitCodes.INCOMPLETE;
        }
    }

    /** What changed in the fingerprint since the previous (older) run of the same suite and target. */
    private static String changeSincePrevious(List<LedgerRun> newestFirst, int index) {
        LedgerRun run = newestFirst.get(index);
        for (int older = index + 1; older < newestFirst.size(); older++) {
            LedgerRun previous = newestFirst.get(older);
            if (previous.suite().equals(run.suite()) && previous.target().equals(run.target())) {
                List<org.postpatch.result.Fingerprint.Change> changes = run.fingerprint().changesSince(previous.fingerprint());
                if (changes.isEmpty()) {
                    return "";
                }
                String shown = String.join(", ", changes.stream().limit(3).map(Object::toString).toList());
                return "changed: " + shown + (changes.size() > 3 ? " (+" + (changes.size() - 3) + " more)" : "");
            }
        }
        return "";
    }

    private void printRuns(List<LedgerRun> all, int limit) {
        List<LedgerRun> runs = all.subList(0, Math.min(limit, all.size()));
        output.info(String.format(Locale.ROOT, "%-24s %-19s %-8s %-4s %-20s %-16s %8s  %s", "RUN", "STARTED", "KIND",
                "", "SUITE", "TARGET", "TIME", "FAILED / NOTES"));
        for (LedgerRun run : runs) {
            long failed = run.probes().stream().filter(p -> !p.is(ProbeStatus.PASSED)).count();
            StringBuilder notes = new StringBuilder();
            if (failed > 0) {
                notes.append(failed).append(" not passed");
            }
            if (run.kind() == org.postpatch.ledger.RunKind.VERIFY) {
                notes.append(notes.length() > 0 ? "; " : "")
                        .append(Comparison.rootCauses(run.count(Change.REGRESSED), run.count(Change.BLOCKED)))
                        .append(run.count(Change.FLAKY) > 0 ? ", " + run.count(Change.FLAKY) + " flaky" : "").append(", ")
                        .append(run.count(Change.FIXED)).append(" fixed, ").append(run.count(Change.STILL_FAILING))
                        .append(" still failing");
            }
            List<String> flaked = run.probes().stream().filter(LedgerProbe::flaked).map(LedgerProbe::id).toList();
            if (!flaked.isEmpty()) {
                notes.append(notes.length() > 0 ? "; " : "").append("flaked: ").append(String.join(", ", flaked));
            }
            if (run.baselineRunId() != null) {
                notes.append(notes.length() > 0 ? "; " : "").append("baseline ").append(run.baselineRunId());
                all.stream().filter(b -> b.runId().equals(run.baselineRunId())).findFirst().ifPresent(b ->
                        notes.append(" (verdict ").append(Durations.format(java.time.Duration.between(b.startedAt(),
                                run.finishedAt()))).append(" after it)"));
            }
            if (run.rolledBack()) {
                notes.append(notes.length() > 0 ? "; " : "").append("ROLLED BACK");
            } else if (run.kind() == org.postpatch.ledger.RunKind.VERIFY) {
                notes.append("; kept");
            }
            if (run.fingerprint().get("patch.id") != null) {
                notes.append(notes.length() > 0 ? "; " : "").append("patch ").append(run.fingerprint().get("patch.id"));
            }
            String change = changeSincePrevious(all, runs.indexOf(run));
            if (!change.isEmpty()) {
                notes.append(notes.length() > 0 ? "; " : "").append(change);
            }
            output.info(String.format(Locale.ROOT, "%-24s %-19s %-8s %-4s %-20s %-16s %8s  %s", run.runId(),
                    TIME.format(run.startedAt()), run.kind().name().toLowerCase(Locale.ROOT), run.verdict(), run.suite(),
                    run.target(), Durations.format(run.duration()), notes));
        }
    }

    /** Each probe that flaked, with how often over the runs that recorded it. */
    private void printFlakes(List<FlakeRate> rates, int runs) {
        if (rates.isEmpty()) {
            output.info("No probe flaked (failed, then passed when run again) in the last " + count(runs, "run") + ".");
            return;
        }
        output.info("Flaky probes (failed, then passed when run again), last " + count(runs, "run") + ":");
        for (FlakeRate rate : rates) {
            output.info(String.format(Locale.ROOT, "  %s on %s: %s flaked in %d of %s (%.0f%%)", rate.suite(), rate.target(),
                    rate.probe(), rate.flakes(), count(rate.runs(), "run"), rate.rate() * 100));
        }
    }

    private static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun.endsWith("ch") ? noun + "es" : noun + "s");
    }

    private void printFigures(List<PatchFigures> figures) {
        output.info("Patch figures (last " + figures.stream().mapToInt(PatchFigures::runs).sum() + " runs):");
        for (PatchFigures figure : figures) {
            output.info(String.format(Locale.ROOT, "  %s on %s: %s, %s (%.1f runs per patch), "
                            + "time to verdict median %s / slowest %s, %s caught, %s caught, %d fixed, %d rolled back",
                    figure.suite(), figure.target(), count(figure.runs(), "run"), count(figure.patches(), "patch"),
                    figure.runsPerPatch(), figure.medianTimeToVerdict().map(Durations::format).orElse("-"),
                    figure.slowestTimeToVerdict().map(Durations::format).orElse("-"),
                    count(figure.failuresCaught(), "failing patch"), count(figure.regressionsCaught(), "regression"),
                    figure.fixes(), figure.rollbacks()));
        }
    }

}
