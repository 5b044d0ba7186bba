package org.postpatch.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.embedded.PostPatch;
import org.postpatch.embedded.SelfTest;
import org.postpatch.testing.ProbeFiles;

/**
 * The Prometheus alert rules and the Grafana dashboard in docs/monitoring: promtool accepts the rules
 * and their unit tests, and every metric they name is one that a real {@code /selftest/metrics} serves.
 */
class MonitoringFilesTest {

    private static final Path MONITORING = Path.of("").toAbsolutePath().getParent().getParent().resolve("docs/monitoring");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset", "inf", "nan");

    @TempDir
    static Path folder;

    /** The metric names a real endpoint serves to a scrape with the token (probe series included). */
    private static Set<String> exposed;

    @BeforeAll
    static void scrapeARealEndpoint() throws Exception {
        Path probes = new ProbeFiles(folder).write("probes/orders.yaml", """
                suite: orders
                probes:
                  - id: health
                    pass: {}
                  - id: checkout
                    fail: { message: down }
                """);
        try (SelfTest selfTest = PostPatch.embedded().probesFrom(probes.toString()).ledger("none").endpoint(0)
                .token("monitoring-token").appVersion("1.0.2").start()) {
            HttpClient client = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + selfTest.port().orElseThrow() + "/selftest";
            await().atMost(Duration.ofSeconds(30)).until(() -> client.send(HttpRequest.newBuilder(URI.create(base)).build(),
                    HttpResponse.BodyHandlers.ofString()).body().contains("lastRunAt"));
            String metrics = client.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                    .header("Authorization", "Bearer monitoring-token").build(), HttpResponse.BodyHandlers.ofString()).body();
            exposed = new TreeSet<>();
            metrics.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                    .forEach(line -> exposed.add(line.split("[{ ]", 2)[0]));
        }
        assertThat(exposed).contains("postpatch_verdict", "postpatch_up", "postpatch_probe_status");
    }

    @Test
    void promtoolAcceptsTheAlertRulesAndTheirUnitTestsPass() throws Exception {
        assertThat(promtool("check", "rules", "postpatch-alerts.yml")).contains("SUCCESS: 3 rules found");
        assertThat(promtool("test", "rules", "postpatch-alerts-test.yml")).contains("SUCCESS");
    }

    @Test
    void theAlertRulesAndTheirTestsNameOnlyMetricsTheEndpointServes() throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        Set<String> named = new TreeSet<>();
        for (JsonNode group : yaml.readTree(MONITORING.resolve("postpatch-alerts.yml").toFile()).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                named.addAll(metricsIn(rule.path("expr").asText()));
            }
        }
        assertThat(named).containsExactlyInAnyOrder("postpatch_verdict", "postpatch_last_run_age_seconds", "postpatch_up");
        Set<String> series = new TreeSet<>();
        for (JsonNode test : yaml.readTree(MONITORING.resolve("postpatch-alerts-test.yml").toFile()).path("tests")) {
            test.path("input_series").forEach(input -> series.add(input.path("series").asText().split("\\{", 2)[0]));
        }
        assertThat(exposed).containsAll(named).containsAll(series);
    }

    @Test
    void theGrafanaDashboardIsValidJsonNamingOnlyMetricsTheEndpointServes() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(MONITORING.resolve("grafana-postpatch.json").toFile());
        assertThat(dashboard.path("title").asText()).isEqualTo("postpatch fleet");
        assertThat(dashboard.path("panels")).hasSizeGreaterThanOrEqualTo(8);
        Set<String> named = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                Set<String> metrics = metricsIn(target.path("expr").asText());
                assertThat(metrics).as("the metrics of panel '%s'", panel.path("title").asText()).isNotEmpty();
                named.addAll(metrics);
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            Matcher labelValues = Pattern.compile("label_values\\(([a-zA-Z_:][a-zA-Z0-9_:]*)").matcher(variable.path("query").asText());
            assertThat(labelValues.find()).as(variable.path("name").asText()).isTrue();
            named.add(labelValues.group(1));
        }
        assertThat(exposed).containsAll(named);
        assertThat(named).contains("postpatch_verdict", "postpatch_fingerprint_info", "postpatch_probe_status");
    }

    /**
     * The metric names in a PromQL expression: what is left of its identifiers once strings, label
     * matchers, ranges, grouping clauses, function names, keywords and dashboard variables are taken out.
     */
    static Set<String> metricsIn(String expression) {
        String bare = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"").replaceAll("'[^']*'", "''")
                .replaceAll("\\$\\w+", " ").replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\b[a-zA-Z_][a-zA-Z0-9_]*\\s*\\(", "(");
        Set<String> metrics = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            boolean numberPart = identifier.start() > 0 && Character.isDigit(bare.charAt(identifier.start() - 1));
            if (!numberPart && !PROMQL_WORDS.contains(identifier.group().toLowerCase(java.util.Locale.ROOT))) {
                metrics.add(identifier.group());
            }
        }
        return metrics;
    }

    @Test
    void metricNamesAreFoundInExpressionsAsPrometheusReadsThem() {
        assertThat(metricsIn("count(postpatch_verdict{job=~\"$job\", verdict=\"FAIL\"} == 1) or vector(0)"))
                .containsExactly("postpatch_verdict");
        assertThat(metricsIn("sum by (verdict) (increase(postpatch_runs_total{job=~\"$job\"}[24h]))"))
                .containsExactly("postpatch_runs_total");
        assertThat(metricsIn("postpatch_last_run_age_seconds > 26 * 3600 and on(instance) other_metric"))
                .containsExactly("other_metric", "postpatch_last_run_age_seconds");
    }

    private static String promtool(String... arguments) throws IOException, InterruptedException {
        Path promtool = Path.of("/usr/bin/promtool");
        assertThat(Files.isExecutable(promtool)).as("promtool is installed (./test.sh: apt-get install -y prometheus)").isTrue();
        List<String> command = new java.util.ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(MONITORING.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
