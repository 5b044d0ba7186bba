package org.postpatch.endpoint;

import java.time.Instant;
import org.postpatch.report.PrometheusReport;
import org.postpatch.report.Reports;
import org.postpatch.report.RunReport;

/** The one place where a self-test status becomes Prometheus metrics. */
final class StatusMetrics {

    private StatusMetrics() {
    }

    /**
     * The metrics of the last run and of the runs so far, at {@code now}; the per-probe series only
     * when the reader may see probe names.
     */
    static String of(SelfTestStatus status, boolean probeNames, Instant now) {
        return status.lastRun().map(last -> {
            RunReport run = RunReport.recorded(last.report()).renderedAt(now).runsByVerdict(status.runsByVerdict());
            return Reports.PROMETHEUS.render(probeNames ? run : run.withoutProbeNames());
        }).orElseGet(() -> PrometheusReport.withoutRun(status.runsByVerdict()));
    }
}
