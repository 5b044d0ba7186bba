package org.postpatch.fleet.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.postpatch.fleet.model.FigureRow;
import org.postpatch.fleet.model.Figures;
import org.postpatch.fleet.read.Period;

/** {@code postpatch fleet --figures} in a terminal: the raw numbers per kind of change, per application, in total. */
public final class FiguresText {

    private FiguresText() {
    }

    public static List<String> lines(Figures figures, Period period) {
        List<String> lines = new ArrayList<>();
        lines.add("Figures from " + Times.minute(period.since()) + " to " + Times.minute(period.until()) + " ("
                + Times.length(period.length()) + "), per kind of change and per application:");
        TextTable table = new TextTable("", "", ">PATCHES", ">VERIFIED", ">FAILED", ">FAILURE RATE", ">CAUGHT FIRST",
                ">TO VERDICT p50", ">p95", ">ROLLBACKS", ">EXPOSURE (target-h)");
        for (FigureRow row : figures.all()) {
            table.row(row.group(), row.name(), String.valueOf(row.patches()), String.valueOf(row.verified()),
                    String.valueOf(row.failed()), row.changeFailureRate().map(FiguresText::percent).orElse("-"),
                    String.valueOf(row.caughtOnFirstTarget()), Times.duration(row.medianToVerdict()),
                    Times.duration(row.p95ToVerdict()), String.valueOf(row.rollbacks()),
                    String.format(Locale.ROOT, "%.1f", row.exposureHours()));
        }
        lines.addAll(table.lines("  "));
        return lines;
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.0f%%", rate * 100);
    }
}
