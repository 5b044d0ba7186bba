package org.postpatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.Ledgers;
import org.postpatch.testing.ProbeFiles;

/** The /selftest endpoint over real HTTP. */
class EndpointTest {

    private static final String TOKEN = "s3cret-token-for-tests";

    @TempDir
    Path folder;

    private final List<SelfTest> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(SelfTest::close);
    }

    private SelfTest start(String yaml, String token) {
        Path probes = new ProbeFiles(folder).write("probes/orders.yaml", yaml);
        SelfTest selfTest = PostPatch.embedded().probesFrom(probes.toString()).target("node-1")
                .ledger(folder.resolve("ledger").toString()).endpoint(0).token(token).start();
        started.add(selfTest);
        return selfTest;
    }

    private static final String PASSING = """
            suite: orders
            probes:
              - id: secret-probe-name
                pass: {}
            """;

    private static Http http(SelfTest selfTest) {
        return new Http(selfTest.port().orElseThrow());
    }

    private static void awaitVerdict(Http http, String token) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !http.get("/selftest", token).json().path("lastRunAt").isMissingNode());
    }

    @Test
    void onlyTheRightTokenSeesProbeNamesAndResultsOrStartsRuns() {
        SelfTest secured = start(PASSING, TOKEN);
        Http http = http(secured);
        awaitVerdict(http, TOKEN);

        // summary: status for everyone, details only with the right token
        for (String token : new String[] {null, "wrong-token"}) {
            Http.Response summary = http.get("/selftest", token);
            assertThat(summary.status()).isEqualTo(200);
            assertThat(summary.json().path("status").asText()).isEqualTo("PASS");
            assertThat(summary.body()).doesNotContain("secret-probe-name").doesNotContain("jvm.version");
            assertThat(http.get("/selftest/runs/latest", token).status()).isEqualTo(401);
            assertThat(http.get("/selftest/report", token).status()).isEqualTo(401);
            assertThat(http.post("/selftest/runs", token).status()).isEqualTo(401);
            assertThat(http.get("/selftest/metrics", token).body()).doesNotContain("secret-probe-name");
        }
        Http.Response granted = http.get("/selftest", TOKEN);
        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.body()).contains("secret-probe-name");
        assertThat(http.get("/selftest/runs/latest", TOKEN).json().path("probes").get(0).path("id").asText())
                .isEqualTo("secret-probe-name");
        assertThat(http.get("/selftest/report", TOKEN).body()).contains("<!DOCTYPE html>").contains("secret-probe-name");
        assertThat(http.get("/selftest/metrics", TOKEN).body()).contains("probe=\"secret-probe-name\"");
        assertThat(http.post("/selftest/runs", TOKEN).status()).isEqualTo(202);
    }

    @Test
    void withNoTokenConfiguredDetailsAreNeverServed() {
        SelfTest open = start(PASSING, null);
        Http http = http(open);
        awaitVerdict(http, null);
        for (String token : new String[] {null, "anything", TOKEN}) {
            Http.Response summary = http.get("/selftest", token);
            assertThat(summary.status()).isEqualTo(200);
            assertThat(summary.body()).doesNotContain("secret-probe-name");
            assertThat(http.get("/selftest/runs/latest", token).status()).isEqualTo(403);
            assertThat(http.get("/selftest/runs/latest", token).json().path("error").asText())
                    .contains("no token is configured");
            assertThat(http.post("/selftest/runs", token).status()).isEqualTo(403);
            assertThat(http.get("/selftest/report", token).status()).isEqualTo(403);
        }
    }

    @Test
    void aFailedSelfTestAnswers503AndLivenessStays200() {
        SelfTest failing = start("""
                suite: orders
                probes:
                  - id: db
                    fail: { message: "cannot connect to localhost:5432" }
                """, TOKEN);
        Http http = http(failing);
        awaitVerdict(http, TOKEN);
        Http.Response summary = http.get("/selftest", TOKEN);
        assertThat(summary.status()).isEqualTo(503);
        assertThat(summary.json().path("status").asText()).isEqualTo("FAIL");
        assertThat(summary.json().path("probes").get(0).path("message").asText()).isEqualTo("cannot connect to localhost:5432");
        assertThat(http.get("/selftest/live", null).status()).isEqualTo(200);
        assertThat(http.get("/selftest/ready", null).status()).as("readiness unaffected unless configured").isEqualTo(200);
    }

    @Test
    void readinessFollowsTheVerdictOnlyWhenConfigured() {
        Path probes = new ProbeFiles(folder).write("probes/orders.yaml", "suite: orders\nprobes: [{ id: db, fail: {} }]\n");
        SelfTest selfTest = PostPatch.embedded().probesFrom(probes.toString()).ledger("none").endpoint(0)
                .readinessFollowsVerdict(true).start();
        started.add(selfTest);
        Http http = http(selfTest);
        awaitVerdict(http, null);
        assertThat(http.get("/selftest/ready", null).status()).isEqualTo(503);
        assertThat(http.get("/selftest/live", null).status()).isEqualTo(200);
    }

    @Test
    void summaryKeepsAnsweringWhileAProbeHangsAndConcurrentTriggersMakeOneRun() throws Exception {
        SelfTest hanging = start("""
                suite: orders
                probes:
                  - id: stuck
                    timeout: 60s
                    hang: {}
                """, TOKEN);
        Http http = http(hanging);
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/selftest", null).json().path("running").asBoolean());

        ExecutorService clients = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Long>> reads = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                reads.add(() -> {
                    long start = System.nanoTime();
                    Http.Response response = http.get("/selftest", null);
                    assertThat(response.status()).isEqualTo(503);
                    assertThat(response.json().path("status").asText()).isEqualTo("NEVER_RUN");
                    assertThat(response.json().path("running").asBoolean()).isTrue();
                    return System.nanoTime() - start;
                });
            }
            List<Long> nanos = new ArrayList<>();
            for (Future<Long> read : clients.invokeAll(reads)) {
                nanos.add(read.get());
            }
            nanos.sort(null);
            // A hang guard only; the p99 figure is measured by benchmarks/run.sh (B3).
            assertThat(Duration.ofNanos(nanos.get(197))).isLessThan(Duration.ofSeconds(5));

            List<Callable<JsonNode>> triggers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                triggers.add(() -> http.post("/selftest/runs", TOKEN).json());
            }
            Set<String> runIds = new java.util.HashSet<>();
            for (Future<JsonNode> trigger : clients.invokeAll(triggers)) {
                runIds.add(trigger.get().path("runId").asText());
                assertThat(trigger.get().path("joined").asBoolean()).isTrue();
            }
            assertThat(runIds).hasSize(1);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void fiftyConcurrentTriggersOnAnIdleSelfTestMakeExactlyOneRun() throws Exception {
        SelfTest selfTest = start("""
                suite: orders
                probes:
                  - id: slow
                    sleep: { for: 2s }
                """, TOKEN);
        Http http = http(selfTest);
        awaitVerdict(http, TOKEN);
        String first = http.get("/selftest", TOKEN).json().path("runId").asText();

        ExecutorService clients = Executors.newFixedThreadPool(50);
        Set<String> runIds = new java.util.HashSet<>();
        try {
            List<Callable<JsonNode>> triggers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                triggers.add(() -> http.post("/selftest/runs", TOKEN).json());
            }
            for (Future<JsonNode> trigger : clients.invokeAll(triggers)) {
                runIds.add(trigger.get().path("runId").asText());
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(runIds).hasSize(1).doesNotContain(first);
        await().atMost(Duration.ofSeconds(30)).until(() -> !http.get("/selftest", TOKEN).json().path("running").asBoolean());
        selfTest.close();
        try (Ledger ledger = Ledgers.open(folder.resolve("ledger").toString())) {
            assertThat(ledger.history("orders", "node-1", 100)).hasSize(2);
        }
    }

    @Test
    void postWithWaitReturnsTheFinishedRun() {
        SelfTest selfTest = start(PASSING, TOKEN);
        Http http = http(selfTest);
        awaitVerdict(http, TOKEN);
        Http.Response response = http.post("/selftest/runs?wait=30s", TOKEN);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("PASS");
        assertThat(http.post("/selftest/runs?wait=forever", TOKEN).status()).isEqualTo(400);
        assertThat(http.get("/selftest/nope", TOKEN).status()).isEqualTo(404);
        assertThat(http.post("/selftest", TOKEN).status()).isEqualTo(405);
    }

    @Test
    void invalidProbeFilesAreShownAtTheEndpointAndTheApplicationGoesOn() {
        SelfTest broken = start("suite: orders\nprobes:\n  - id: a\n    pass: {}\n    timout: 1s\n", TOKEN);
        Http http = http(broken);
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/selftest", TOKEN).json().path("status").asText().equals("ERROR"));
        Http.Response summary = http.get("/selftest", TOKEN);
        assertThat(summary.status()).isEqualTo(503);
        assertThat(summary.json().path("problem").asText()).contains("unknown key 'timout' (did you mean 'timeout'?)");
        assertThat(http.get("/selftest", null).body()).doesNotContain("timout");
    }

    @Test
    void aCorruptLedgerIsAWarningWhileRunsStillHappen() throws Exception {
        Path corrupt = folder.resolve("corrupt.mv.db");
        java.nio.file.Files.write(corrupt, "garbage".repeat(1000).getBytes());
        Path probes = new ProbeFiles(folder).write("probes/orders.yaml", PASSING);
        SelfTest selfTest = PostPatch.embedded().probesFrom(probes.toString()).ledger(corrupt.toString()).endpoint(0)
                .token(TOKEN).start();
        started.add(selfTest);
        Http http = http(selfTest);
        awaitVerdict(http, TOKEN);
        JsonNode summary = http.get("/selftest", TOKEN).json();
        assertThat(summary.path("status").asText()).isEqualTo("PASS");
        assertThat(summary.path("warning").asText()).contains("the ledger is unavailable");
    }
}
