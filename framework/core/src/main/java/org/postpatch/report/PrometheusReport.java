package org.postpatch.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.postpatch.result.Verdict;

/**
 * A run in the Prometheus text exposition format (version 0.0.4), from its JSON document. Label
 * cardinality is bounded: one series per probe and status, and a handful of fingerprint facts.
 * Probe names are only included when the reader is allowed to see them.
 */
public final class PrometheusReport implements Report {

    /** The content type Prometheus expects. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final String[] STATUSES = {"PASSED", "FAILED", "BLOCKED", "SKIPPED"};
    private static final String[] FINGERPRINT_FACTS = {"app.version", "jvm.version", "jvm.vendor", "os.version", "patch.id"};

    PrometheusReport() {
    }

    @Override
    public String name() {
        return "prometheus";
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    /**
     * The run's metrics, its age counted to {@link RunReport#renderedAt()}, the runs counted by
     * {@link RunReport#runsByVerdict()}, and the per-probe series only when the reader may see probe names.
     */
    @Override
    public String render(RunReport run) {
        return render(run.document(), run.probeNames(), run.renderedAt(), run.runsByVerdict());
    }

    /** The metrics before any run has finished: {@code postpatch_up} 0 and the runs counted so far. */
    public static String withoutRun(Map<Verdict, Long> runsByVerdict) {
        return render(null, false, null, runsByVerdict);
    }

    /**
     * @param report        the run's JSON document, or null when there has been none
     * @param withProbes    whether per-probe series (with probe names) are included
     * @param now           the current time, for the age of the run
     * @param runsByVerdict runs since the process started, by verdict
     */
    private static String render(JsonNode report, boolean withProbes, Instant now, Map<Verdict, Long> runsByVerdict) {
        StringBuilder out = new StringBuilder(4096);
        String suite = report == null ? "" : report.path("suite").asText();
        help(out, "postpatch_up", "gauge", "1 when a self-test result is available, 0 when none has run yet.");
        sample(out, "postpatch_up", "suite", suite, report == null ? 0 : 1);
        help(out, "postpatch_runs_total", "counter", "Runs since the process started, by verdict.");
        for (Verdict verdict : Verdict.values()) {
            sample(out, "postpatch_runs_total", "verdict", verdict.name(), runsByVerdict.getOrDefault(verdict, 0L));
        }
        if (report == null) {
            return out.toString();
        }
        Verdict verdict = ReportDocument.runVerdict(report);
        help(out, "postpatch_verdict", "gauge", "The last run's verdict: 1 for the current one.");
        for (Verdict candidate : Verdict.values()) {
            out.append("postpatch_verdict{suite=\"").append(label(suite)).append("\",verdict=\"").append(candidate.name())
                    .append("\"} ").append(candidate == verdict ? 1 : 0).append('\n');
        }
        Instant started = Instant.parse(report.path("startedAt").asText());
        double duration = report.path("durationMs").asLong() / 1000.0;
        help(out, "postpatch_last_run_duration_seconds", "gauge", "How long the last run took.");
        sample(out, "postpatch_last_run_duration_seconds", "suite", suite, duration);
        help(out, "postpatch_last_run_timestamp_seconds", "gauge", "When the last run finished (Unix time).");
        sample(out, "postpatch_last_run_timestamp_seconds", "suite", suite, started.toEpochMilli() / 1000.0 + duration);
        help(out, "postpatch_last_run_age_seconds", "gauge", "Time since the last run finished.");
        sample(out, "postpatch_last_run_age_seconds", "suite", suite,
                Math.max(0, (now.toEpochMilli() - started.toEpochMilli()) / 1000.0 - duration));
        JsonNode summary = report.path("summary");
        help(out, "postpatch_probes", "gauge", "Probes of the last run, by status.");
        for (String status : STATUSES) {
            out.append("postpatch_probes{suite=\"").append(label(suite)).append("\",status=\"").append(status)
                    .append("\"} ").append(summary.path(status.toLowerCase(Locale.ROOT)).asInt()).append('\n');
        }
        help(out, "postpatch_fingerprint_info", "gauge", "The fingerprint the last run ran on (always 1).");
        out.append("postpatch_fingerprint_info{suite=\"").append(label(suite)).append("\",digest=\"")
                .append(label(report.path("fingerprint").path("digest").asText())).append('"');
        JsonNode facts = report.path("fingerprint").path("facts");
        for (String fact : FINGERPRINT_FACTS) {
            out.append(',').append(fact.replace('.', '_')).append("=\"").append(label(facts.path(fact).asText(""))).append('"');
        }
        out.append("} 1\n");
        if (withProbes) {
            probes(out, report);
        }
        return out.toString();
    }

    private static void probes(StringBuilder out, JsonNode report) {
        help(out, "postpatch_probe_status", "gauge", "Each probe's status in the last run: 1 for the current one.");
        for (JsonNode probe : report.path("probes")) {
            for (String status : STATUSES) {
                out.append("postpatch_probe_status{suite=\"").append(label(probe.path("suite").asText()))
                        .append("\",probe=\"").append(label(probe.path("id").asText())).append("\",status=\"")
                        .append(status).append("\"} ").append(status.equals(probe.path("status").asText()) ? 1 : 0)
                        .append('\n');
            }
        }
        help(out, "postpatch_probe_duration_seconds", "gauge", "Each probe's duration in the last run.");
        for (JsonNode probe : report.path("probes")) {
            out.append("postpatch_probe_duration_seconds{suite=\"").append(label(probe.path("suite").asText()))
                    .append("\",probe=\"").append(label(probe.path("id").asText())).append("\"} ")
                    .append(number(probe.path("durationMs").asLong() / 1000.0)).append('\n');
        }
    }

    private static void help(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, String labelName, String labelValue, double value) {
        out.append(name).append('{').append(labelName).append("=\"").append(label(labelValue)).append("\"} ")
                .append(number(value)).append('\n');
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.3f", value);
    }

    /** Escapes a label value as the format requires: backslash, quote and newline. */
    static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
