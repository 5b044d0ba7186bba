package org.postpatch.fleet.render;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.postpatch.fleet.model.FigureRow;
import org.postpatch.fleet.model.Figures;

/**
 * The raw numbers as CSV (RFC 4180: comma-separated, CRLF line ends, quoted when needed), for the
 * people who make slides: a row per kind of change, per application, and the total.
 */
public final class FiguresCsv {

    static final String HEADER = "group,name,patches,verified,failed,change_failure_rate,caught_on_first_target,"
            + "time_to_verdict_median_s,time_to_verdict_p95_s,rollbacks,exposure_target_hours";

    private FiguresCsv() {
    }

    public static String render(Figures figures) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (FigureRow row : figures.all()) {
            csv.append(String.join(",", quote(row.group()), quote(row.name()), String.valueOf(row.patches()),
                    String.valueOf(row.verified()), String.valueOf(row.failed()),
                    row.changeFailureRate().map(rate -> String.format(Locale.ROOT, "%.3f", rate)).orElse(""),
                    String.valueOf(row.caughtOnFirstTarget()), seconds(row.medianToVerdict()), seconds(row.p95ToVerdict()),
                    String.valueOf(row.rollbacks()), String.format(Locale.ROOT, "%.1f", row.exposureHours())))
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static String seconds(Optional<Duration> duration) {
        return duration.map(d -> String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0)).orElse("");
    }

    /** A field quoted when it holds a comma, a quote or a line break; a formula prefix is defused for spreadsheets. */
    static String quote(String field) {
        String safe = !field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0 ? "'" + field : field;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
