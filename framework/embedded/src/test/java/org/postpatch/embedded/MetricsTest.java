package org.postpatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.testing.ProbeFiles;

/** /selftest/metrics is accepted by Prometheus' own checker, promtool (Debian's prometheus package). */
class MetricsTest {

    @TempDir
    Path folder;

    @Test
    void metricsPassPromtoolWithAndWithoutProbeSeries() throws Exception {
        Path probes = new ProbeFiles(folder).write("probes/orders.yaml", """
                suite: orders
                probes:
                  - id: health
                    pass: {}
                  - id: db.primary
                    fail: { message: down }
                  - id: later
                    needs: [health]
                    pass: {}
                """);
        try (SelfTest selfTest = PostPatch.embedded().probesFrom(probes.toString()).ledger("none").endpoint(0)
                .token("t0ken").appVersion("1.0.2").start()) {
            Http http = new Http(selfTest.port().orElseThrow());
            await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/selftest", null).json().has("lastRunAt"));

            String full = http.get("/selftest/metrics", "t0ken").body();
            assertThat(full).contains("postpatch_verdict{suite=\"orders\",verdict=\"FAIL\"} 1")
                    .contains("postpatch_probe_status{suite=\"orders\",probe=\"health\",status=\"PASSED\"} 1")
                    .contains("probe=\"db.primary\"")
                    .contains("app_version=\"1.0.2\"")
                    .contains("postpatch_runs_total{verdict=\"FAIL\"} 1")
                    .contains("postpatch_last_run_age_seconds{suite=\"orders\"}");
            assertThat(promtool(full)).isEmpty();

            String anonymous = http.get("/selftest/metrics", null).body();
            assertThat(anonymous).doesNotContain("health").contains("postpatch_verdict");
            assertThat(promtool(anonymous)).isEmpty();
        }
    }

    /** Runs {@code promtool check metrics}; returns its complaints (empty when it accepts the text). */
    private String promtool(String metrics) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/promtool"))) {
            throw new AssertionError("promtool is not installed; ./test.sh installs it with: apt-get install -y prometheus");
        }
        Path input = folder.resolve("metrics.txt");
        Files.writeString(input, metrics);
        Process process = new ProcessBuilder("/usr/bin/promtool", "check", "metrics")
                .redirectInput(input.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.trim();
    }
}
