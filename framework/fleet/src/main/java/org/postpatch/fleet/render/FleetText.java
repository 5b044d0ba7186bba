package org.postpatch.fleet.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.postpatch.fleet.model.ChangeReport;
import org.postpatch.fleet.model.FleetView;
import org.postpatch.fleet.model.PatchEvent;
import org.postpatch.fleet.model.TargetState;
import org.postpatch.fleet.model.TargetTimeline;
import org.postpatch.fleet.read.ProbeMark;
import org.postpatch.fleet.read.RunRow;

/** {@code postpatch fleet} in a terminal: a row per suite and target, then a section per change, likely causes first. */
public final class FleetText {

    /** Items of a change shown after its headline before "+N more". */
    private static final int ITEMS_SHOWN = 3;

    private FleetText() {
    }

    public static List<String> lines(FleetView view) {
        List<String> lines = new ArrayList<>();
        lines.add(headline(view));
        if (view.targets().isEmpty()) {
            lines.add("No runs recorded in this period.");
            return lines;
        }
        lines.add("");
        TextTable table = new TextTable("SUITE", "TARGET", "STATE", "LAST VERDICT", "APP", "JVM", "LAST CHANGE");
        for (TargetTimeline target : view.targets()) {
            RunRow last = target.last();
            table.row(target.suite(), target.target(), target.state().label(),
                    last.verdict() + " " + last.kind().toLowerCase(java.util.Locale.ROOT) + " " + Times.minute(last.finishedAt()),
                    target.appVersion().orElse("-"), target.jvm().orElse("-"),
                    target.lastChange().map(FleetText::lastChange).orElse("-"));
        }
        lines.addAll(table.lines(""));
        for (TargetTimeline target : view.targets()) {
            if (target.state() == TargetState.FAILING && !target.failingProbes().isEmpty()) {
                lines.add("  FAILING " + target.suite() + "/" + target.target() + ": " + target.failingProbes().stream()
                        .map(FleetText::probe).collect(Collectors.joining(", ")));
            }
        }
        lines.add("");
        if (view.changes().isEmpty()) {
            lines.add("No fingerprint changes in this period.");
        } else {
            lines.add("Changes (" + view.changes().size() + "), likely causes first:");
            view.changes().forEach(change -> change(lines, change));
        }
        return lines;
    }

    private static String headline(FleetView view) {
        Map<TargetState, Long> counts = view.counts();
        String states = counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", "));
        return "Fleet: " + view.targets().size() + (view.targets().size() == 1 ? " target" : " targets") + " from "
                + Times.minute(view.period().since()) + " to " + Times.minute(view.period().until()) + " ("
                + Times.length(view.period().length()) + ")" + (states.isEmpty() ? "" : ": " + states);
    }

    private static String lastChange(PatchEvent event) {
        String items = event.items().get(0) + (event.items().size() > 1 ? " (+" + (event.items().size() - 1) + " more)" : "");
        return items + ", " + Times.minute(event.at()) + (event.rolledBack() ? ", rolled back" : "");
    }

    private static String probe(ProbeMark mark) {
        return mark.probeId() + " " + mark.status() + (mark.change() == null ? "" : " (" + mark.change() + ")");
    }

    private static void change(List<String> lines, ChangeReport change) {
        lines.add("");
        List<String> others = change.items().stream().skip(1).limit(ITEMS_SHOWN).map(Object::toString).toList();
        int more = change.items().size() - 1 - others.size();
        lines.add("  " + change.title() + "  [" + change.kind().label() + ", " + String.join(", ", change.suites()) + "]"
                + (others.isEmpty() ? "" : "  with " + String.join(", ", others) + (more > 0 ? " (+" + more + " more)" : "")));
        lines.add("    " + change.attribution().text());
        if (!change.regressed().isEmpty()) {
            lines.add("    regressed: " + String.join(", ", change.regressed()));
        }
        TextTable table = new TextTable("TARGET", "TOOK IT", "VERDICT", "REGRESSED", "");
        for (PatchEvent event : change.events()) {
            table.row(event.suite() + "/" + event.target(), Times.minute(event.at()),
                    event.judgingRun().map(run -> run.verdict() + " " + run.kind().toLowerCase(java.util.Locale.ROOT))
                            .orElse("not judged yet"),
                    event.regressed().isEmpty() ? "-" : String.join(", ", event.regressed().stream().sorted().toList()),
                    event.rolledBack() ? "ROLLED BACK" : "");
        }
        lines.addAll(table.lines("    ").subList(1, change.events().size() + 1));
    }
}
