package org.postpatch.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The HTML report: one self-contained page (no scripts, no external resources) rendered from the
 * run's JSON document, so that a run read back from the ledger renders the same as a fresh one. After a
 * verify it shows the change of each probe and what changed in the fingerprint.
 */
public final class HtmlReport implements Report {

    HtmlReport() {
    }

    @Override
    public String name() {
        return "html";
    }

    @Override
    public String contentType() {
        return "text/html; charset=utf-8";
    }

    @Override
    public String render(RunReport run) {
        JsonNode report = run.document();
        StringBuilder html = new StringBuilder(8192);
        String verdict = report.path("verdict").asText();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>postpatch ").append(escape(verdict)).append(" — ").append(escape(report.path("suite").asText()))
                .append("</title><style>").append(STYLE).append("</style></head><body>\n");
        html.append("<h1><span class=\"verdict ").append(escape(verdict.toLowerCase(Locale.ROOT))).append("\">")
                .append(escape(verdict)).append("</span> ").append(escape(report.path("suite").asText())).append("</h1>\n");
        html.append("<p class=\"meta\">target <b>").append(escape(report.path("target").asText())).append("</b> · run ")
                .append(escape(report.path("runId").asText())).append(" · started ")
                .append(escape(report.path("startedAt").asText())).append(" · ")
                .append(report.path("durationMs").asLong()).append(" ms");
        if (report.path("interrupted").asBoolean()) {
            html.append(" · <b>interrupted: results are partial</b>");
        }
        JsonNode summary = report.path("summary");
        html.append("<br>").append(summary.path("passed").asInt()).append(" passed, ")
                .append(summary.path("failed").asInt()).append(" failed, ").append(summary.path("blocked").asInt())
                .append(" blocked, ").append(summary.path("skipped").asInt()).append(" skipped</p>\n");
        baseline(html, report);
        probes(html, report);
        fingerprint(html, report);
        html.append("<p class=\"meta\">postpatch report schema ").append(report.path("schemaVersion").asInt())
                .append("</p>\n</body></html>\n");
        return html.toString();
    }

    private static void baseline(StringBuilder html, JsonNode report) {
        JsonNode comparison = report.path("comparison");
        if (comparison.isMissingNode() || comparison.isNull()) {
            return;
        }
        html.append("<h2>Against the baseline</h2>\n<p class=\"meta\">baseline run ")
                .append(escape(comparison.path("baselineRunId").asText("none"))).append(" (")
                .append(escape(comparison.path("baselineStartedAt").asText(""))).append(")</p>\n");
        if (comparison.has("summary")) {
            html.append("<p class=\"changes\">").append(escape(comparison.path("summary").asText())).append("</p>\n");
        }
        JsonNode changes = comparison.path("fingerprintChanges");
        if (changes.isArray() && !changes.isEmpty()) {
            html.append("<p><b>What changed since the baseline:</b></p><ul>\n");
            changes.forEach(change -> html.append("<li>").append(escape(change.asText())).append("</li>\n"));
            html.append("</ul>\n");
        }
    }

    private static void probes(StringBuilder html, JsonNode report) {
        boolean compared = report.path("comparison").isObject();
        html.append("<h2>Probes</h2>\n<table><thead><tr><th>status</th>");
        if (compared) {
            html.append("<th>change</th><th>before</th>");
        }
        html.append("<th>probe</th><th>kind</th><th>time</th><th>attempts</th><th>reason</th></tr></thead><tbody>\n");
        for (JsonNode probe : report.path("probes")) {
            String status = probe.path("status").asText();
            html.append("<tr class=\"").append(escape(status.toLowerCase(Locale.ROOT))).append("\"><td>")
                    .append(escape(status)).append("</td>");
            if (compared) {
                html.append("<td class=\"change\">").append(escape(probe.path("change").asText(""))).append("</td><td>")
                        .append(escape(probe.path("baselineStatus").asText(""))).append("</td>");
            }
            html.append("<td>").append(escape(probe.path("id").asText())).append("</td><td>")
                    .append(escape(probe.path("kind").asText())).append("</td><td>")
                    .append(probe.path("durationMs").asLong()).append(" ms</td><td>")
                    .append(probe.path("attempts").asInt()).append("</td><td>")
                    .append(escape(probe.path("message").asText()));
            if (!probe.path("changeNote").asText("").isEmpty()) {
                html.append("<br><span class=\"note\">").append(escape(probe.path("changeNote").asText())).append("</span>");
            }
            samples(html, probe.path("samples"));
            for (JsonNode attachment : probe.path("attachments")) {
                String path = attachment.path("path").asText();
                html.append("<br><a href=\"").append(escape(path.startsWith("/") ? "file://" + path : path)).append("\">")
                        .append(escape(Path.of(path).getFileName().toString())).append("</a>");
            }
            for (JsonNode part : probe.path("parts")) {
                html.append("<br><span class=\"part ").append(escape(part.path("status").asText().toLowerCase(Locale.ROOT)))
                        .append("\">").append(escape(part.path("status").asText())).append("</span> ")
                        .append(escape(part.path("name").asText()));
                if (!part.path("message").asText().isEmpty()) {
                    html.append(": ").append(escape(part.path("message").asText()));
                }
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    /** Every time the probe ran, when it ran more than once (measured again warm, or a failure run again). */
    private static void samples(StringBuilder html, JsonNode samples) {
        if (!samples.isArray() || samples.isEmpty()) {
            return;
        }
        html.append("<br><span class=\"note\">run ").append(samples.size()).append(" times:");
        for (JsonNode sample : samples) {
            html.append(" ").append(escape(sample.path("status").asText())).append(" ")
                    .append(sample.path("lastAttemptMs").asLong()).append(" ms");
            if (!sample.path("message").asText("").isEmpty() && !"PASSED".equals(sample.path("status").asText())) {
                html.append(" (").append(escape(sample.path("message").asText())).append(")");
            }
            html.append(";");
        }
        html.setLength(html.length() - 1);
        html.append("</span>");
    }

    private static void fingerprint(StringBuilder html, JsonNode report) {
        JsonNode fingerprint = report.path("fingerprint");
        html.append("<h2>Fingerprint</h2>\n<table class=\"facts\"><tbody>\n");
        fingerprint.path("facts").fields().forEachRemaining(fact -> html.append("<tr><td>").append(escape(fact.getKey()))
                .append("</td><td>").append(escape(fact.getValue().asText())).append("</td></tr>\n"));
        html.append("<tr><td>digest</td><td>").append(escape(fingerprint.path("digest").asText())).append("</td></tr>\n");
        int jars = fingerprint.path("jars").size();
        if (jars > 0) {
            html.append("<tr><td>jars</td><td>").append(jars).append(" on the classpath</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String STYLE = "body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}"
            + "h1{font-size:1.5em}.verdict{padding:.1em .5em;border-radius:4px;color:#fff}"
            + ".verdict.pass{background:#2e7d32}.verdict.warn{background:#ed6c02}.verdict.fail{background:#c62828}"
            + ".meta{color:#555}table{border-collapse:collapse;width:100%;margin:.5em 0}"
            + "th,td{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}"
            + "tr.failed td:first-child{color:#c62828;font-weight:bold}tr.blocked td:first-child{color:#ed6c02}"
            + "tr.passed td:first-child{color:#2e7d32}tr.skipped td:first-child{color:#777}"
            + ".change{font-weight:bold}.part.failed{color:#c62828}.facts{width:auto}.note{color:#555}"
            + ".changes{font-weight:bold}";
}
