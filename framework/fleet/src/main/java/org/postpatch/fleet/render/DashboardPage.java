package org.postpatch.fleet.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.postpatch.fleet.model.ChangeReport;
import org.postpatch.fleet.model.FigureRow;
import org.postpatch.fleet.model.FleetView;
import org.postpatch.fleet.model.PatchEvent;
import org.postpatch.fleet.model.TargetState;
import org.postpatch.fleet.model.TargetTimeline;

/**
 * The dashboard's page, rendered on the server: the matrix of applications and their targets
 * coloured by state, the changes with their attribution, the raw figures. It reloads itself; it
 * loads nothing from anywhere (no scripts, the style inlined). Without details (no valid token) it
 * shows the matrix of states only: no versions, changes, probe names, figures or report links.
 */
public final class DashboardPage {

    /**
     * What the page is rendered for.
     *
     * @param details         whether the reader may see details (a valid token)
     * @param tokenConfigured whether a token is configured at all (without one, details are never shown)
     * @param notice          a line to show on top (a refused token), or null
     * @param periodQuery     the query that chose the period ({@code since=30d}), kept in the links; may be empty
     * @param refreshSeconds  how often the page reloads itself
     */
    public record Context(boolean details, boolean tokenConfigured, String notice, String periodQuery, int refreshSeconds) {
    }

    private DashboardPage() {
    }

    public static String render(FleetView view, Context context) {
        Map<TargetState, Long> counts = view.counts();
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta http-equiv=\"refresh\" content=\"").append(context.refreshSeconds()).append("\">")
                .append("<title>").append(counts.get(TargetState.FAILING) > 0 ? counts.get(TargetState.FAILING) + " FAILING - " : "")
                .append("postpatch fleet</title><style>").append(DashboardStyle.CSS).append("</style></head><body>\n");
        header(html, view, context);
        html.append("<main>\n");
        if (context.notice() != null) {
            html.append("<p class=\"notice\" id=\"notice\">").append(Html.escape(context.notice())).append("</p>\n");
        }
        html.append("<section id=\"states\"><div class=\"counts\">");
        counts.forEach((state, count) -> html.append("<span class=\"count ").append(state.name()).append("\">")
                .append(count).append(' ').append(state.label()).append("</span>"));
        html.append("</div></section>\n");
        matrix(html, view, context);
        if (context.details()) {
            changes(html, view);
            figures(html, view, context);
        } else {
            html.append("<p class=\"muted\" id=\"details-hidden\">").append(context.tokenConfigured()
                    ? "Sign in with the endpoint token to see versions, changes and their attribution, probes, figures and reports."
                    : "No token is configured (POSTPATCH_TOKEN or --token-file): only the states are shown.")
                    .append("</p>\n");
        }
        html.append("</main><footer>Rendered ").append(Times.minute(view.period().until()))
                .append(" from the ledger; reloads every ").append(context.refreshSeconds())
                .append(" s. JSON: <a href=\"api/fleet").append(query(context)).append("\">/api/fleet</a>")
                .append(context.details() ? ", <a href=\"api/changes" + query(context) + "\">/api/changes</a>, <a href=\"api/figures"
                        + query(context) + "\">/api/figures</a>" : "")
                .append(".</footer>\n</body></html>\n");
        return html.toString();
    }

    /** A page that says what went wrong (the ledger cannot be read, a bad period), with its status. */
    public static String problem(int status, String message) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>postpatch fleet: " + status
                + "</title><style>" + DashboardStyle.CSS + "</style></head><body><header><h1>postpatch fleet</h1></header>"
                + "<main><p class=\"notice\" id=\"problem\">" + Html.escape(message) + "</p></main></body></html>\n";
    }

    private static String query(Context context) {
        return context.periodQuery() == null || context.periodQuery().isEmpty() ? "" : "?" + Html.escape(context.periodQuery());
    }

    private static void header(StringBuilder html, FleetView view, Context context) {
        html.append("<header><h1>postpatch fleet</h1><span class=\"period\">")
                .append(Times.minute(view.period().since())).append(" to ").append(Times.minute(view.period().until()))
                .append(" (").append(Times.length(view.period().length())).append(") &middot; ");
        for (String length : List.of("24h", "7d", "30d", "90d")) {
            html.append("<a href=\"?since=").append(length).append("\">").append(length).append("</a> ");
        }
        html.append("</span>");
        if (context.details()) {
            html.append("<form method=\"post\" action=\"logout\"><button type=\"submit\" id=\"sign-out\">Sign out</button></form>");
        } else if (context.tokenConfigured()) {
            html.append("<form method=\"post\" action=\"login\"><input type=\"password\" name=\"token\" id=\"token\" ")
                    .append("placeholder=\"token\" autocomplete=\"current-password\" aria-label=\"token\">")
                    .append("<button type=\"submit\" id=\"sign-in\">Sign in</button></form>");
        }
        html.append("</header>\n");
    }

    private static void matrix(StringBuilder html, FleetView view, Context context) {
        html.append("<section id=\"matrix\"><h2>Applications and their targets</h2>");
        if (view.targets().isEmpty()) {
            html.append("<p>No runs recorded in this period.</p></section>\n");
            return;
        }
        Map<String, List<TargetTimeline>> bySuite = new LinkedHashMap<>();
        view.targets().forEach(t -> bySuite.computeIfAbsent(t.suite(), k -> new java.util.ArrayList<>()).add(t));
        html.append("<table class=\"matrix\">");
        bySuite.forEach((suite, targets) -> {
            html.append("<tr><th>").append(Html.escape(suite)).append("</th><td><div class=\"cells\">");
            targets.forEach(target -> cell(html, target, context));
            html.append("</div></td></tr>");
        });
        html.append("</table></section>\n");
    }

    private static void cell(StringBuilder html, TargetTimeline target, Context context) {
        String attributes = " class=\"cell " + target.state().name() + "\" data-suite=\"" + Html.escape(target.suite())
                + "\" data-target=\"" + Html.escape(target.target()) + "\" data-state=\"" + target.state().name() + "\"";
        String inside = Html.escape(target.target()) + "<small>" + target.state().label() + " &middot; "
                + Times.minute(target.last().finishedAt()) + "</small>";
        if (!context.details()) {
            html.append("<span").append(attributes).append(">").append(inside).append("</span>");
            return;
        }
        String title = target.last().verdict() + " " + target.last().kind().toLowerCase(Locale.ROOT)
                + target.appVersion().map(v -> "; app " + v).orElse("") + target.jvm().map(j -> "; JVM " + j).orElse("")
                + target.lastChange().map(c -> "; last change: " + c.items().get(0)).orElse("")
                + (target.failingProbes().isEmpty() ? "" : "; failing: " + target.failingProbes().stream()
                .map(p -> p.probeId()).collect(Collectors.joining(", ")));
        html.append("<a").append(attributes).append(" href=\"runs/").append(Html.pathSegment(target.last().runId()))
                .append("/report\" title=\"").append(Html.escape(title)).append("\">").append(inside).append("</a>");
    }

    private static void changes(StringBuilder html, FleetView view) {
        html.append("<section id=\"changes\"><h2>Changes, likely causes first</h2>");
        if (view.changes().isEmpty()) {
            html.append("<p>No fingerprint changes in this period.</p>");
        }
        for (ChangeReport change : view.changes()) {
            html.append("<article class=\"change ").append(change.attribution().verdict().name()).append("\"><h3>")
                    .append(Html.escape(change.title())).append("</h3>");
            if (change.items().size() > 1) {
                html.append("<div class=\"items\">with ").append(Html.escape(change.items().stream().skip(1)
                        .map(Object::toString).collect(Collectors.joining(", ")))).append("</div>");
            }
            html.append("<div class=\"items\">").append(change.kind().label()).append(" &middot; ")
                    .append(Html.escape(String.join(", ", change.suites()))).append("</div>")
                    .append("<p class=\"attribution\">").append(Html.escape(change.attribution().text())).append("</p>");
            if (!change.regressed().isEmpty()) {
                html.append("<p>regressed: ").append(Html.escape(String.join(", ", change.regressed()))).append("</p>");
            }
            html.append("<ul>");
            for (PatchEvent event : change.events()) {
                html.append("<li>");
                String name = Html.escape(event.suite() + "/" + event.target());
                if (event.judgingRun().isPresent()) {
                    html.append("<a href=\"runs/").append(Html.pathSegment(event.judging().runId())).append("/report\">")
                            .append(name).append("</a> ").append(event.judging().verdict());
                } else {
                    html.append(name).append(" not judged yet");
                }
                html.append(" &middot; took it ").append(Times.minute(event.at()));
                if (!event.regressed().isEmpty()) {
                    html.append(" &middot; regressed ").append(Html.escape(String.join(", ", event.regressed().stream()
                            .sorted().toList())));
                }
                html.append(event.rolledBack() ? " &middot; <strong>ROLLED BACK</strong>" : "").append("</li>");
            }
            html.append("</ul></article>\n");
        }
        html.append("</section>\n");
    }

    private static void figures(StringBuilder html, FleetView view, Context context) {
        html.append("<section id=\"figures\"><h2>Figures <a class=\"muted\" href=\"api/figures.csv").append(query(context))
                .append("\">CSV</a></h2><table class=\"data\"><tr><th></th><th>patches</th><th>verified</th><th>failed</th>")
                .append("<th>failure rate</th><th>caught on first target</th><th>to verdict p50</th><th>p95</th>")
                .append("<th>rollbacks</th><th>exposure (target-h)</th></tr>");
        for (FigureRow row : view.figures().all()) {
            html.append("<tr><td class=\"name\">").append(Html.escape(row.group() + " " + row.name())).append("</td><td>")
                    .append(row.patches()).append("</td><td>").append(row.verified()).append("</td><td>").append(row.failed())
                    .append("</td><td>").append(row.changeFailureRate().map(FiguresText::percent).orElse("-"))
                    .append("</td><td>").append(row.caughtOnFirstTarget()).append("</td><td>")
                    .append(Times.duration(row.medianToVerdict())).append("</td><td>").append(Times.duration(row.p95ToVerdict()))
                    .append("</td><td>").append(row.rollbacks()).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f", row.exposureHours())).append("</td></tr>");
        }
        html.append("</table></section>\n");
    }
}
