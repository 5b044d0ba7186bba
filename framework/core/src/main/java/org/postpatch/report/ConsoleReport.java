package org.postpatch.report;

import java.io.PrintStream;
import java.util.List;
import org.postpatch.api.ProbeStatus;
import org.postpatch.api.Severity;
import org.postpatch.compare.Change;
import org.postpatch.compare.Comparison;
import org.postpatch.compare.ProbeComparison;
import org.postpatch.config.Durations;
import org.postpatch.engine.ProbeObserver;
import org.postpatch.model.ProbeDefinition;
import org.postpatch.model.Suite;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;
import org.postpatch.result.SuiteResult;
import org.postpatch.result.Verdict;
import org.postpatch.secret.Redactor;

/**
 * The live console view: a line per probe as it finishes (status, id, duration, reason), then a
 * summary with the verdict. Colour only when asked for (on a terminal, unless {@code NO_COLOR}).
 */
public final class ConsoleReport implements ProbeObserver {

    private static final String RESET = "\u001b[0m";
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";
    private static final String GREY = "\u001b[90m";
    private static final String BOLD = "\u001b[1m";

    private final PrintStream out;
    private final Redactor redactor;
    private final boolean colour;
    private int idWidth = 20;

    public ConsoleReport(PrintStream out, Redactor redactor, boolean colour) {
        this.out = out;
        this.redactor = redactor;
        this.colour = colour;
    }

    /** True when the console is a terminal and {@code NO_COLOR} is not set. */
    public static boolean colourByDefault() {
        if (System.getenv("NO_COLOR") != null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a console even when redirected; ask it whether it is a terminal.
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderJava) {
            return true;
        }
    }

    @Override
    public synchronized void suiteStarted(Suite suite) {
        idWidth = Math.min(40, suite.probes().stream().mapToInt(p -> p.id().length()).max().orElse(10));
        out.println(paint(BOLD, "suite " + suite.name()) + paint(GREY, "  (" + suite.probes().size()
                + (suite.probes().size() == 1 ? " probe, " : " probes, ")
                + String.join(", ", suite.files()) + ")"));
        out.flush();
    }

    @Override
    public void probeStarted(Suite suite, ProbeDefinition probe) {
        // Only finished probes are printed: lines then never interleave.
    }

    @Override
    public synchronized void probeFinished(ProbeResult result) {
        StringBuilder line = new StringBuilder("  ");
        line.append(status(result.status(), result.severity()));
        line.append("  ").append(pad(result.id(), idWidth));
        boolean ran = result.status() == ProbeStatus.PASSED || result.status() == ProbeStatus.FAILED;
        line.append(" ").append(paint(GREY, leftPad(ran ? Durations.format(result.duration()) : "", 7)));
        if (result.attempts() > 1) {
            line.append(paint(GREY, "  (" + result.attempts() + " attempts)"));
        }
        if (!result.message().isBlank()) {
            line.append("  ").append(redactor.redact(result.message()));
        }
        out.println(line);
        out.flush();
    }

    @Override
    public synchronized void suiteFinished(SuiteResult result) {
        // The run summary follows at the end; nothing between suites.
    }

    /** The summary of a run: counts, the verdict, and the failures again if there were many probes. */
    public synchronized void summary(RunResult run) {
        Counts counts = Counts.of(run.probes());
        Verdict verdict = run.verdict();
        out.println();
        List<ProbeResult> failures = run.probes().stream()
                .filter(p -> p.status() == ProbeStatus.FAILED || p.status() == ProbeStatus.BLOCKED).toList();
        if (counts.total() > 15 && !failures.isEmpty()) {
            out.println("Did not pass:");
            failures.forEach(p -> out.println("  " + status(p.status(), p.severity()) + "  " + p.id() + "  "
                    + redactor.redact(p.message())));
            out.println();
        }
        String note = run.interrupted() ? " (interrupted: results are partial)"
                : run.timedOut() ? " (the run's timeout expired)" : "";
        out.println(paint(BOLD, verdictText(verdict)) + "  " + run.suiteNames() + ": " + counts + " in "
                + Durations.format(run.duration()) + " on " + redactor.redact(run.target()) + note);
        out.flush();
    }

    /**
     * The summary of a verify: changes against the baseline, regressions first with the probes
     * they block and the flaky ones next, then fixed, then the rest; what changed in the
     * fingerprint; the verdict, counting root causes ("1 regressed (8 blocked by it)").
     */
    public synchronized void summary(RunResult run, Comparison comparison) {
        out.println();
        out.println(paint(BOLD, "Against baseline " + comparison.baseline().runId()) + paint(GREY, " (started "
                + comparison.baseline().startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ")"));
        int idColumn = Math.min(40, comparison.probes().stream().mapToInt(p -> p.id().length()).max().orElse(10));
        for (Change change : List.of(Change.REGRESSED, Change.BLOCKED, Change.FLAKY, Change.FIXED, Change.STILL_FAILING,
                Change.NEW, Change.REMOVED, Change.SLOWER)) {
            for (ProbeComparison probe : comparison.probes()) {
                if (probe.change() == change) {
                    out.println("  " + changeText(change) + "  " + pad(probe.id(), idColumn) + "  "
                            + redactor.redact(reason(run, probe)));
                }
            }
        }
        long same = comparison.probes().stream().filter(p -> p.change() == Change.SAME).count();
        if (same > 0) {
            out.println(paint(GREY, "  " + same + (same == 1 ? " probe as before" : " probes as before")));
        }
        comparison.probes().stream().filter(p -> p.change() == Change.SAME && !p.note().isEmpty()).forEach(p ->
                out.println(paint(GREY, "    " + p.id() + ": " + redactor.redact(p.note()))));
        fingerprint(run.fingerprint(), comparison);
        out.println();
        String note = run.interrupted() ? " (interrupted: results are partial)"
                : run.timedOut() ? " (the run's timeout expired)" : "";
        out.println(paint(BOLD, verdictText(comparison.verdict(run))) + "  " + run.suiteNames() + ": " + comparison.summary()
                + " in " + Durations.format(run.duration()) + " on " + redactor.redact(run.target()) + note);
        out.flush();
    }

    /** What changed in the fingerprint, always saying what was fingerprinted, on both sides when they differ. */
    private void fingerprint(org.postpatch.result.Fingerprint now, Comparison comparison) {
        org.postpatch.result.Fingerprint before = comparison.baseline().fingerprint();
        if (comparison.fingerprintChanges().isEmpty()) {
            out.println("Nothing changed since the baseline in what was fingerprinted: " + redactor.redact(now.scope()) + ".");
        } else {
            out.println("What changed since the baseline (fingerprinted: " + redactor.redact(now.scope()) + "):");
            comparison.fingerprintChanges().forEach(change -> out.println("  " + redactor.redact(change.toString())));
        }
        if (before.readsApplication() != now.readsApplication()) {
            out.println(paint(YELLOW, "  Only what both read is compared: the baseline fingerprinted "
                    + redactor.redact(before.scope()) + "."));
        }
    }

    /** Why a probe has its change: the note, or the probe's own message with the note after it. */
    private static String reason(RunResult run, ProbeComparison probe) {
        String message = run.probes().stream().filter(p -> p.suite().equals(probe.suite()) && p.id().equals(probe.id()))
                .map(ProbeResult::message).findFirst().orElse("");
        return switch (probe.change()) {
            case SLOWER, FLAKY, BLOCKED, REMOVED -> probe.note();
            case STILL_FAILING -> "(already " + probe.baselineStatus() + " before the patch) " + message;
            case REGRESSED -> probe.note().isEmpty() ? message : message + " (" + probe.note() + ")";
            default -> message.isEmpty() ? probe.note() : message;
        };
    }

    private String changeText(Change change) {
        String text = pad(change.name(), 13);
        return switch (change) {
            case REGRESSED -> paint(RED, text);
            case FIXED -> paint(GREEN, text);
            case STILL_FAILING, SLOWER, REMOVED, FLAKY, BLOCKED -> paint(YELLOW, text);
            default -> text;
        };
    }

    private String verdictText(Verdict verdict) {
        String colourOfVerdict = switch (verdict) {
            case PASS -> GREEN;
            case WARN -> YELLOW;
            case FAIL -> RED;
        };
        return paint(colourOfVerdict, verdict.name());
    }

    private String status(ProbeStatus status, Severity severity) {
        return switch (status) {
            case PASSED -> paint(GREEN, "PASSED ");
            case FAILED -> severity == Severity.WARNING ? paint(YELLOW, "WARNING") : paint(RED, "FAILED ");
            case BLOCKED -> paint(YELLOW, "BLOCKED");
            case SKIPPED -> paint(GREY, "SKIPPED");
        };
    }

    private String paint(String code, String text) {
        return colour ? code + text + RESET : text;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static String leftPad(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }
}
