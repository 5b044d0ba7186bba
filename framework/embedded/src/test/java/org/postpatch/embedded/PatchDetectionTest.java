package org.postpatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.LedgerRun;
import org.postpatch.ledger.Ledgers;
import org.postpatch.ledger.RunKind;
import org.postpatch.testing.ProbeFiles;

/**
 * A real application process embedding postpatch: it tests itself when it first starts, not when it
 * restarts unchanged, and again when it restarts on another JVM (OpenJDK 17, then Temurin 25).
 */
class PatchDetectionTest {

    private static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    @TempDir
    Path folder;

    @Test
    void aJvmPatchIsDetectedAndSelfTestedAndTheLedgerShowsWhatChanged() throws Exception {
        assertThat(TEMURIN_25).as("the second JVM this test patches to").isExecutable();
        Path probes = new ProbeFiles(folder).write("postpatch/app.yaml", """
                suite: inventory
                probes:
                  - id: http-port
                    tcp: { host: 127.0.0.1, port: "${appPort}" }
                  - id: java-runtime
                    jvm: { version: ">=17" }
                """);
        Path ledgerPath = folder.resolve("ledger");
        Path java17 = Path.of(System.getProperty("java.home"), "bin", "java");

        JsonNode first = startAndAwaitVerdict(java17, probes, ledgerPath, "first");
        String firstRun = first.path("runId").asText();
        assertThat(first.path("status").asText()).isEqualTo("PASS");

        JsonNode unchanged = startAndAwaitVerdict(java17, probes, ledgerPath, "unchanged");
        assertThat(unchanged.path("runId").asText()).as("no new run on an unchanged restart").isEqualTo(firstRun);

        JsonNode patched = startAndAwaitVerdict(TEMURIN_25, probes, ledgerPath, "patched");
        assertThat(patched.path("runId").asText()).isNotEqualTo(firstRun);
        assertThat(patched.path("status").asText()).isEqualTo("PASS");
        assertThat(patched.path("fingerprintFacts").path("jvm.version").asText()).startsWith("25");

        try (Ledger ledger = Ledgers.open(ledgerPath.toString())) {
            List<LedgerRun> runs = ledger.history("inventory", "app-1", 10);
            assertThat(runs).extracting(LedgerRun::kind).containsOnly(RunKind.SELFTEST);
            assertThat(runs).hasSize(2);
            LedgerRun after = runs.get(0);
            LedgerRun before = runs.get(1);
            assertThat(before.fingerprint().get("jvm.version")).startsWith("17");
            assertThat(after.fingerprint().get("jvm.version")).startsWith("25");
            assertThat(after.baselineRunId()).isEqualTo(before.runId());
            assertThat(after.processStartedAt()).isNotNull();
            assertThat(after.fingerprint().changesSince(before.fingerprint())).extracting(Object::toString)
                    .anySatisfy(change -> assertThat(change).startsWith("jvm.version 17").contains("-> 25"))
                    .anySatisfy(change -> assertThat(change).startsWith("jvm.vendor"));
            assertThat(ledger.latest("inventory", "app-1", Set.of()).orElseThrow().runId()).isEqualTo(after.runId());
            // The run after the patch is judged against the last run on the previous fingerprint.
            JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ledger.report(after.runId()).orElseThrow());
            assertThat(report.path("comparison").path("baselineRunId").asText()).isEqualTo(before.runId());
            assertThat(report.path("comparison").path("fingerprintChanges").toString()).contains("jvm.version 17");
            assertThat(report.path("probes").get(0).path("change").asText()).isEqualTo("SAME");
        }
    }

    /** Starts the application, waits until its self-test has decided, returns the summary and stops it. */
    private JsonNode startAndAwaitVerdict(Path java, Path probes, Path ledger, String name) throws Exception {
        Path portFile = folder.resolve(name + ".port");
        Process app = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                SelfTestingApp.class.getName(), probes.getParent().toString(), ledger.toString(), portFile.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve(name + ".log").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(portFile) || !app.isAlive());
            assertThat(app.isAlive()).as(Files.readString(folder.resolve(name + ".log"))).isTrue();
            Http http = new Http(Integer.parseInt(Files.readString(portFile).trim()));
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                JsonNode summary = http.get("/selftest", "app-token").json();
                return summary.path("phase").asText().equals("IDLE") && summary.has("lastRunAt");
            });
            return http.get("/selftest", "app-token").json();
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }
}
