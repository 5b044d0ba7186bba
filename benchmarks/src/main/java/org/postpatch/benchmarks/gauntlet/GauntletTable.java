package org.postpatch.benchmarks.gauntlet;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** The gauntlet's outcomes as a table: one row per seeded patch, one per application's restarts, the targets. */
final class GauntletTable {

    /** The target: a verdict within this long of the application being ready. */
    static final Duration VERDICT_WITHIN = Duration.ofSeconds(10);

    private static final String ROW = "%-32s %-17s %-42s %-7s %-7s %-12s %-15s %s%n";

    private final List<Outcome> outcomes = new ArrayList<>();
    private String seededLoad = "";
    private String restartLoad = "";

    void add(Outcome outcome) {
        outcomes.add(outcome);
    }

    void seededLoad(String described) {
        seededLoad = described;
    }

    void restartLoad(String described) {
        restartLoad = described;
    }

    /** "caught, blamed exactly, 4.2 s" for one outcome, as the run goes. */
    static String score(Outcome outcome) {
        String time = Gauntlet.seconds(outcome.readyToVerdict());
        if (outcome.scenario().noOp()) {
            return (outcome.falseAlarm() ? "FALSE ALARM" : "no false alarm") + ", verdict " + time + " after ready";
        }
        return (outcome.caught() ? "caught" : "MISSED") + ", " + (outcome.blamedExactly() ? "blamed exactly" : "NOT blamed exactly")
                + ", verdict " + time + " after ready";
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "Patch gauntlet, %s, %d cores%n", LocalDate.now(), Runtime.getRuntime().availableProcessors());
        out.printf(ROW, "scenario", "app", "patch", "caught", "missed", "false alarm", "blamed exactly", "ready -> verdict");
        for (Outcome outcome : outcomes) {
            if (outcome.scenario().noOp()) {
                continue;
            }
            Scenario scenario = outcome.scenario();
            out.printf(ROW, scenario.name(), scenario.app().name(), patch(scenario), yes(outcome.caught()), yes(!outcome.caught()),
                    yes(outcome.falseAlarm()), yes(outcome.blamedExactly()), Gauntlet.seconds(outcome.readyToVerdict()));
        }
        Map<String, List<Outcome>> restarts = new LinkedHashMap<>();
        outcomes.stream().filter(o -> o.scenario().noOp())
                .forEach(o -> restarts.computeIfAbsent(o.scenario().app().name(), app -> new ArrayList<>()).add(o));
        List<Outcome> all = new ArrayList<>();
        restarts.forEach((app, list) -> {
            all.addAll(list);
            printRestarts(out, list.size() + " no-op restarts", app, list);
        });
        if (restarts.size() > 1) {
            printRestarts(out, all.size() + " no-op restarts", "both", all);
        }
        if (outcomes.stream().anyMatch(o -> !o.scenario().noOp())) {
            out.println("load during the seeded patches: " + seededLoad);
        }
        if (!all.isEmpty()) {
            out.println("load during the restarts:       " + restartLoad);
        }
        List<Outcome> seeded = outcomes.stream().filter(o -> !o.scenario().noOp()).toList();
        out.printf(Locale.ROOT, "targets: every seeded patch caught and blamed exactly: %d of %d; false alarms in the restarts: "
                        + "%d of %d; verdicts within %d s of ready: %d of %d%n",
                seeded.stream().filter(Outcome::blamedExactly).count(), seeded.size(),
                all.stream().filter(Outcome::falseAlarm).count(), all.size(), VERDICT_WITHIN.toSeconds(),
                outcomes.stream().filter(GauntletTable::inTime).count(), outcomes.size());
        outcomes.stream().filter(o -> !o.wrong().isEmpty() || !o.caught() && !o.scenario().noOp() || !inTime(o))
                .forEach(o -> out.println("  " + o.scenario().app().name() + " " + o.scenario().name() + ": "
                        + (o.wrong().isEmpty() ? "" : String.join("; ", o.wrong()) + "; ")
                        + (!o.caught() && !o.scenario().noOp() ? "missed (blamed: " + o.blamed() + ", fingerprint: "
                        + o.fingerprint() + "); " : "")
                        + (inTime(o) ? "" : "verdict " + Gauntlet.seconds(o.readyToVerdict()) + " after ready")));
    }

    private static void printRestarts(PrintStream out, String name, String app, List<Outcome> list) {
        List<Duration> times = list.stream().map(Outcome::readyToVerdict).filter(Objects::nonNull)
                .sorted(Comparator.naturalOrder()).toList();
        long alarms = list.stream().filter(Outcome::falseAlarm).count();
        long flaky = list.stream().filter(o -> !o.flaky().isEmpty()).count();
        long warmedUp = list.stream().filter(o -> !o.warmedUp().isEmpty()).count();
        String timing = times.isEmpty() ? "never ready" : "median " + Gauntlet.seconds(times.get(times.size() / 2)) + ", max "
                + Gauntlet.seconds(times.get(times.size() - 1));
        out.printf(ROW, name, app, "same jar; " + warmedUp + " late, judged warm" + (flaky == 0 ? "" : "; " + flaky + " FLAKY"),
                "-", "-",
                alarms + " of " + list.size(), list.stream().filter(Outcome::blamedExactly).count() + " of " + list.size(), timing);
    }

    private static boolean inTime(Outcome outcome) {
        return outcome.readyToVerdict() != null && outcome.readyToVerdict().compareTo(VERDICT_WITHIN) <= 0;
    }

    private static String patch(Scenario scenario) {
        Deploy from = scenario.from();
        Deploy to = scenario.to();
        if (!from.jvmName().equals(to.jvmName())) {
            return from.jvmName() + " -> " + to.jvmName();
        }
        if (!from.arguments().equals(to.arguments())) {
            return String.join(" ", to.arguments());
        }
        return from.version() + " -> " + to.version();
    }

    private static String yes(boolean value) {
        return value ? "yes" : "no";
    }
}
