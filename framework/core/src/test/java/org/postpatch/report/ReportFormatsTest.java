package org.postpatch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.result.RunResult;
import org.postpatch.result.Verdict;
import org.postpatch.run.Runner;
import org.postpatch.secret.Redactor;
import org.postpatch.testing.ProbeFiles;

/** The report formats are one list, found by name, each writing what it renders. */
class ReportFormatsTest {

    @TempDir
    Path folder;

    /** A run of suite {@code shop} with one probe, {@code id}, declared as {@code check} says. */
    private RunReport shop(String id, String check) {
        ProbeFiles files = new ProbeFiles(folder);
        RunResult run = files.run(Runner.builder().target("node-1"), files.write("probes.yaml",
                "suite: shop\nprobes:\n  - id: " + id + "\n    " + check + "\n"));
        return RunReport.of(run, new Redactor());
    }

    @Test
    void formatsAreFoundByTheirNamesAndAliasesInAnyCase() {
        assertThat(Reports.all()).extracting(Report::name).containsExactly("json", "junit", "html", "prometheus");
        assertThat(Reports.names()).isEqualTo("json, junit, html or prometheus");
        assertThat(Reports.named("JSON")).containsSame(Reports.JSON);
        assertThat(Reports.named("xml")).containsSame(Reports.JUNIT);
        assertThat(Reports.named("junit-xml")).containsSame(Reports.JUNIT);
        assertThat(Reports.named("metrics")).containsSame(Reports.PROMETHEUS);
        assertThat(Reports.named("yaml")).isEmpty();
    }

    @Test
    void everyFormatWritesToItsFileWhatItRenders() throws Exception {
        RunReport report = shop("health", "pass: {}");
        for (Report format : Reports.all()) {
            Path file = folder.resolve("out/report." + format.name());
            format.write(report, file);
            assertThat(Files.readString(file)).as(format.name()).isEqualTo(format.render(report)).isNotBlank();
        }
    }

    @Test
    void metricsCountTheRunsTheyAreGivenAndHideProbeNamesWhenAsked() {
        RunReport report = shop("secret-probe-name", "fail: { message: down }");

        assertThat(Reports.PROMETHEUS.render(report)).contains("postpatch_runs_total{verdict=\"FAIL\"} 1")
                .contains("postpatch_runs_total{verdict=\"PASS\"} 0").contains("secret-probe-name");
        assertThat(Reports.PROMETHEUS.render(report.runsByVerdict(Map.of(Verdict.PASS, 4L, Verdict.FAIL, 2L))
                        .withoutProbeNames()))
                .contains("postpatch_runs_total{verdict=\"PASS\"} 4").contains("postpatch_runs_total{verdict=\"FAIL\"} 2")
                .contains("postpatch_verdict{suite=\"shop\",verdict=\"FAIL\"} 1").doesNotContain("secret-probe-name");
        assertThat(PrometheusReport.withoutRun(Map.of())).contains("postpatch_up{suite=\"\"} 0")
                .doesNotContain("postpatch_verdict");
    }

    @Test
    void aRecordedRunWithAVerdictThisVersionDoesNotKnowStillRendersAsHtmlAndJson() {
        ObjectNode newer = shop("health", "pass: {}").document().deepCopy();
        newer.put("verdict", "SHAKY");
        RunReport recorded = RunReport.recorded(newer);

        assertThat(Reports.HTML.render(recorded)).contains("<span class=\"verdict shaky\">SHAKY</span>");
        assertThat(Reports.JSON.render(recorded)).contains("\"verdict\" : \"SHAKY\"");
        assertThatThrownBy(recorded::runVerdict).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'SHAKY'");
    }
}
