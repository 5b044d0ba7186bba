package org.postpatch.probes.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.postpatch.probes.http.support.Runs.probe;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.config.InvalidSuiteException;
import org.postpatch.engine.Snapshots;
import org.postpatch.probes.http.support.TestServer;
import org.postpatch.result.ProbeResult;
import org.postpatch.run.Runner;
import org.postpatch.testkit.ProbeTestKit;

/**
 * {@code expect: { snapshot: ... }}: a baseline records the response, sampled twice to learn its
 * noise; a later run judged against it names every path that changed. Against a real server whose
 * answers change between calls, as an application's do.
 */
class SnapshotTest {

    @TempDir
    Path folder;

    private final AtomicReference<Supplier<String>> answer = new AtomicReference<>();
    private final AtomicReference<String> contentType = new AtomicReference<>("application/json");
    private final AtomicInteger requests = new AtomicInteger();
    private final TestServer server = TestServer.http().on("/api", exchange -> {
        requests.incrementAndGet();
        exchange.getResponseHeaders().set("X-Api-Version", "2");
        TestServer.respond(exchange, 200, contentType.get(), answer.get().get());
    });

    @AfterEach
    void stop() {
        server.close();
    }

    private Path suite(String expect) {
        return ProbeTestKit.in(folder).write("probes.yaml", """
                suite: s
                probes:
                  - id: api
                    http:
                      get: "%s/api"
                      expect: %s
                """.formatted(server.url(), expect));
    }

    private ProbeResult run(Path file, Snapshots snapshots) {
        return probe(ProbeTestKit.in(folder).run(Runner.builder().attachments(folder.resolve("attachments"))
                .snapshots(snapshots), file), "api");
    }

    /** The probe as a baseline runs it; it must pass and record a snapshot. */
    private ProbeResult baseline(Path file) {
        ProbeResult recorded = run(file, Snapshots.recording());
        assertThat(recorded.status()).as(recorded.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(recorded.snapshot()).as(recorded.message()).isNotNull();
        return recorded;
    }

    /** The probe as a verify against that baseline runs it. */
    private ProbeResult verify(Path file, ProbeResult baseline) {
        return run(file, Snapshots.NONE.against("s", "b-1", Map.of("api", baseline.snapshot())));
    }

    private static String order(String skuName, Object total) {
        return """
                {"generatedAt":"%s","requestId":"%s","status":"OPEN","total":%s,"items":[{"%s":"A-1","qty":1}]}
                """.formatted(Instant.now(), UUID.randomUUID(), total, skuName);
    }

    @Test
    void aRenamedFieldIsNamedOldAndNewWhileFreshTimestampsAndIdsAreLearnedAsNoise() {
        Path file = suite("{ snapshot: true }");
        answer.set(() -> order("sku", "12.5"));
        ProbeResult baseline = baseline(file);
        assertThat(baseline.message()).endsWith("; snapshot recorded (noise: $.generatedAt, $.requestId)");

        ProbeResult same = verify(file, baseline);
        assertThat(same.status()).as(same.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(same.message()).endsWith("; snapshot unchanged (noise ignored: $.generatedAt, $.requestId)");

        answer.set(() -> order("product", "12.5"));
        ProbeResult renamed = verify(file, baseline);
        assertThat(renamed.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(renamed.message())
                .isEqualTo("snapshot: $.items[0].sku removed (was \"A-1\"), $.items[0].product added (\"A-1\")");
    }

    @Test
    void aChangedTypeNamesBothTypesAndAChangedValueBothValues() {
        Path file = suite("{ snapshot: true }");
        answer.set(() -> order("sku", "12.5"));
        ProbeResult baseline = baseline(file);

        answer.set(() -> order("sku", "12.50"));
        assertThat(verify(file, baseline).status()).as("12.50 is 12.5").isEqualTo(ProbeStatus.PASSED);

        answer.set(() -> order("sku", "\"12.5\""));
        assertThat(verify(file, baseline).message()).isEqualTo("snapshot: $.total is now a string \"12.5\" (was a number 12.5)");

        answer.set(() -> order("sku", "13"));
        assertThat(verify(file, baseline).message()).isEqualTo("snapshot: $.total changed to 13 (was 12.5)");

        answer.set(() -> order("sku", "12.5").replaceFirst("\"generatedAt\":\"[^\"]*\"", "\"generatedAt\":1"));
        assertThat(verify(file, baseline).message()).as("noise keeps its type")
                .isEqualTo("snapshot: $.generatedAt is now a number 1 (was a string)");
    }

    @Test
    void ignoredPathsAreNeverComparedAndTheRestStillIs() {
        Path file = suite("{ snapshot: { ignore: [$.status, \"$.items[*].qty\"] } }");
        answer.set(() -> order("sku", "12.5"));
        ProbeResult baseline = baseline(file);

        answer.set(() -> order("sku", "12.5").replace("OPEN", "CLOSED").replace("\"qty\":1", "\"qty\":\"one\""));
        ProbeResult ignored = verify(file, baseline);
        assertThat(ignored.status()).as(ignored.message()).isEqualTo(ProbeStatus.PASSED);

        answer.set(() -> order("sku", "12.5").replace("OPEN", "CLOSED").replace("A-1", "A-2"));
        assertThat(verify(file, baseline).message()).isEqualTo("snapshot: $.items[0].sku changed to \"A-2\" (was \"A-1\")");
    }

    @Test
    void aTimestampToTheSecondIsNoiseEvenWhenBothSamplesShowTheSame() {
        Path file = suite("{ snapshot: true }");
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        long epochMillis = System.currentTimeMillis();
        answer.set(() -> """
                {"at":"%s","day":"%s","ms":%d,"created":"2020-01-01T00:00:00Z","banner":"Report of %s"}
                """.formatted(now, today, epochMillis, now));
        ProbeResult baseline = baseline(file);
        assertThat(baseline.message()).endsWith("; snapshot recorded (noise: $.at, $.day, $.ms, $.banner)");

        answer.set(() -> """
                {"at":"%s","day":"%s","ms":%d,"created":"2020-01-01T00:00:01Z","banner":"Report of %s"}
                """.formatted(Instant.now().plusSeconds(7), today, epochMillis + 7000, Instant.now().plusSeconds(7)));
        assertThat(verify(file, baseline).message()).as("an old date is a value like any other")
                .isEqualTo("snapshot: $.created changed to \"2020-01-01T00:00:01Z\" (was \"2020-01-01T00:00:00Z\")");
    }

    @Test
    void everyElementsFreshIdIsOneNoisePathAndAnArrayOfUnsteadyLengthIsNoiseAsAWhole() {
        Path file = suite("{ snapshot: true }");
        AtomicInteger calls = new AtomicInteger();
        answer.set(() -> """
                {"items":[{"id":"%s","sku":"A-1"},{"id":"%s","sku":"B-2"}],"recent":%s}
                """.formatted(UUID.randomUUID(), UUID.randomUUID(), calls.incrementAndGet() % 2 == 0 ? "[1]" : "[1,2]"));
        ProbeResult baseline = baseline(file);
        assertThat(baseline.message()).endsWith("; snapshot recorded (noise: $.items[*].id, $.recent)");

        answer.set(() -> """
                {"items":[{"id":"%s","sku":"A-1"},{"id":"%s","sku":"B-2"},{"id":"x","sku":"C-3"}],"recent":[]}
                """.formatted(UUID.randomUUID(), UUID.randomUUID()));
        assertThat(verify(file, baseline).message())
                .isEqualTo("snapshot: $.items[2] added ({\"id\":\"x\",\"sku\":\"C-3\"})");
    }

    @Test
    void statusAndTheChosenHeadersAreComparedAndAChangedStatusIsAllThatIsSaid() {
        Path file = suite("{ status: 2xx, snapshot: { headers: [X-Api-Version] } }");
        answer.set(() -> order("sku", "12.5"));
        ProbeResult baseline = baseline(file);

        contentType.set("application/json; charset=UTF-8");
        assertThat(verify(file, baseline).message()).isEqualTo(
                "snapshot: Content-Type header changed to \"application/json;charset=utf-8\" (was \"application/json\")");
        contentType.set("application/json");

        TestServer other = TestServer.http().on("/api", exchange -> {
            exchange.getResponseHeaders().set("X-Api-Version", "3");
            TestServer.respond(exchange, 203, "application/json", "{\"changed\":true}");
        });
        try {
            Path moved = ProbeTestKit.in(folder).write("probes.yaml", java.nio.file.Files.readString(file)
                    .replace(server.url(), other.url()));
            ProbeResult changed = verify(moved, baseline);
            assertThat(changed.message()).startsWith("snapshot: status changed to 203 (was 200) (the baseline's request was GET "
                    + server.url() + "/api)");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            other.close();
        }
    }

    @Test
    void manyDifferencesAreCountedAndOnlyTheFirstListed() {
        Path file = suite("{ snapshot: true }");
        answer.set(() -> manyValues("v"));
        ProbeResult baseline = baseline(file);
        answer.set(() -> manyValues("w"));
        ProbeResult changed = verify(file, baseline);
        assertThat(changed.message()).startsWith("snapshot: 40 differences: $.f0 changed to \"w0\" (was \"v0\"), ")
                .endsWith(" more)").hasSizeLessThan(450);
        assertThat(changed.details().get("snapshot").toString()).contains("differenceCount=40", "path=$['f19']")
                .doesNotContain("$['f20']");
    }

    private static String manyValues(String prefix) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 40; i++) {
            json.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":\"").append(prefix).append(i).append('"');
        }
        return json.append('}').toString();
    }

    @Test
    void plainTextIsComparedLineByLineAndItsUnsteadyLinesAreNoise() {
        Path file = suite("{ snapshot: true }");
        contentType.set("text/plain");
        answer.set(() -> "orders: 3\nserved by " + UUID.randomUUID() + "\nstatus: OPEN\n");
        ProbeResult baseline = baseline(file);
        assertThat(baseline.message()).endsWith("; snapshot recorded (noise: line 2)");

        answer.set(() -> "orders: 3\nserved by " + UUID.randomUUID() + "\nstatus: CLOSED\n");
        assertThat(verify(file, baseline).message()).isEqualTo("snapshot: line 3 changed to \"status: CLOSED\" (was \"status: OPEN\")");

        contentType.set("application/json");
        answer.set(() -> "{\"orders\":3}");
        assertThat(verify(file, baseline).message()).isEqualTo("snapshot: Content-Type header changed to "
                + "\"application/json\" (was \"text/plain\"), the body is now JSON (was text)");
    }

    @Test
    void anHtmlPageIsComparedByTheTextAPersonSees() {
        Path file = suite("{ snapshot: true }");
        contentType.set("text/html");
        answer.set(() -> "<html><head><script>var nonce='" + UUID.randomUUID() + "'</script></head><body>"
                + "<h1>Orders</h1><p>3 open</p><p>Tom &amp; Jerry</p></body></html>");
        ProbeResult baseline = baseline(file);
        assertThat(baseline.message()).endsWith("; snapshot recorded (no noise)");

        answer.set(() -> "<html><head><style>h1{color:red}</style></head><body class=\"new\"><h1>Orders</h1>"
                + "<p>3 <b>open</b></p><p>Tom &amp; Jerry</p></body></html>");
        assertThat(verify(file, baseline).status()).as("markup changed, the text did not").isEqualTo(ProbeStatus.PASSED);

        answer.set(() -> "<html><body><h1>Orders</h1><p>4 open</p><p>Tom &amp; Jerry</p></body></html>");
        assertThat(verify(file, baseline).message())
                .isEqualTo("snapshot: page text line 2 changed to \"4 open\" (was \"3 open\")");
    }

    @Test
    void aBinaryBodyIsComparedBySizeAndDigest() {
        Path file = suite("{ snapshot: true }");
        contentType.set("image/png");
        answer.set(() -> "\u0089PNG-one");
        ProbeResult baseline = baseline(file);
        answer.set(() -> "\u0089PNG-two");
        assertThat(verify(file, baseline).message()).startsWith("snapshot: the body's content changed to \"")
                .doesNotContain("size");
    }

    @Test
    void aBodyOverTheCapIsRecordedUpToItAndOnlyThatPartIsCompared() {
        Path file = suite("{ snapshot: true }");
        answer.set(() -> bigList(3000, "A-1", "Z-9"));
        ProbeResult baseline = baseline(file);
        assertThat(baseline.message()).contains("; snapshot recorded (no noise; only the first 64 KB of the ")
                .endsWith(" KB response kept)");
        assertThat(baseline.snapshot().length()).isBetween(60 * 1024, 70 * 1024);

        answer.set(() -> bigList(3000, "A-2", "Z-9"));
        assertThat(verify(file, baseline).message()).isEqualTo("snapshot: $.items[0].sku changed to \"A-2\" (was \"A-1\")");
        answer.set(() -> bigList(3100, "A-1", "Z-8"));
        ProbeResult beyond = verify(file, baseline);
        assertThat(beyond.status()).as("past the cap nothing is compared").isEqualTo(ProbeStatus.PASSED);
        assertThat(beyond.details().get("snapshot").toString()).contains("recordedPart=the first 64 KB of ");
    }

    private static String bigList(int count, String first, String last) {
        StringBuilder json = new StringBuilder("{\"items\":[");
        for (int i = 0; i < count; i++) {
            String sku = i == 0 ? first : i == count - 1 ? last : "S-" + i;
            json.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(sku).append("\",\"qty\":").append(i % 7).append('}');
        }
        return json.append("]}").toString();
    }

    @Test
    void secretsInTheResponseAreMaskedInTheSnapshot() {
        Path file = ProbeTestKit.in(folder).write("probes.yaml", """
                suite: s
                probes:
                  - id: api
                    http:
                      get: "%s/api"
                      headers: { Authorization: "Bearer canary-header-31c7", X-Key: "${secret:SNAPSHOT_KEY}" }
                      expect: { snapshot: true }
                """.formatted(server.url()));
        answer.set(() -> "{\"echo\":\"Bearer canary-header-31c7\",\"key\":\"my key is canary-var-8e02!\","
                + "\"password\":\"hunter2-canary\",\"lines\":[\"canary-var-8e02\"],\"canary-var-8e02\":1,\"visible\":\"kept\"}");
        ProbeResult recorded = probe(ProbeTestKit.in(folder).withEnvironment(Map.of("SNAPSHOT_KEY", "canary-var-8e02"))
                .run(Runner.builder().attachments(folder.resolve("a")).snapshots(Snapshots.recording()), file), "api");
        assertThat(recorded.snapshot()).contains("kept", "my key is ****!", "\"password\":\"****\"")
                .doesNotContain("canary", "hunter2");
    }

    @Test
    void withoutABaselineTheProbeIsJudgedOnItsOtherExpectationsAndSaysSo() {
        Path file = suite("{ status: 200, json: { $.status: OPEN }, snapshot: true }");
        answer.set(() -> order("sku", "12.5"));
        ProbeResult plain = run(file, Snapshots.NONE);
        assertThat(plain.message()).endsWith("ms; snapshot not compared: no baseline");
        assertThat(plain.snapshot()).isNull();
        assertThat(requests.get()).as("a plain run samples once").isEqualTo(1);

        ProbeResult none = run(file, Snapshots.NONE.against("s", "b-1", Map.of()));
        assertThat(none.message()).endsWith("ms; snapshot not compared: baseline b-1 recorded none for this probe");

        ProbeResult baseline = baseline(file);
        answer.set(() -> order("product", "12.5").replace("OPEN", "CLOSED"));
        assertThat(verify(file, baseline).message()).as("every failing part is reported").isEqualTo(
                "$.status: expected \"OPEN\" but was \"CLOSED\"; snapshot: $.status changed to \"CLOSED\" (was \"OPEN\"), "
                        + "$.items[0].sku removed (was \"A-1\"), $.items[0].product added (\"A-1\")");
    }

    @Test
    void aRecordedSnapshotThatCannotBeReadIsNotComparedAndSaysSo() {
        Path file = suite("{ snapshot: true }");
        answer.set(() -> order("sku", "12.5"));
        for (String unreadable : java.util.List.of("{not json", "{\"snapshot\":9,\"response\":{}}",
                "{\"snapshot\":1,\"response\":{},\"noise\":{\"values\":[\"$['a'\"],\"whole\":[]}}")) {
            ProbeResult judged = run(file, Snapshots.NONE.against("s", "b-1", Map.of("api", unreadable)));
            assertThat(judged.status()).isEqualTo(ProbeStatus.PASSED);
            assertThat(judged.message()).contains("ms; snapshot not compared: the baseline's cannot be read (")
                    .endsWith("); record a new baseline");
        }
    }

    @Test
    void onlyTheFirstSampleIsTimedAndASecondThatFailsRecordsNoSnapshot() {
        AtomicInteger calls = new AtomicInteger();
        TestServer slowSecond = TestServer.http().on("/api", exchange -> {
            int call = calls.incrementAndGet();
            if (call == 2) {
                java.util.concurrent.locks.LockSupport.parkNanos(800_000_000L); // the first baseline's second sample is slow
            }
            // The second baseline's second sample fails.
            TestServer.respond(exchange, call == 4 ? 503 : 200, "application/json", "{\"ok\":true}");
        });
        try {
            Path slow = ProbeTestKit.in(folder).write("slow.yaml", """
                    suite: s
                    probes:
                      - id: api
                        http: { get: "%s/api", expect: { snapshot: true } }
                    """.formatted(slowSecond.url()));
            ProbeResult timed = baseline(slow);
            assertThat(timed.lastAttempt()).as("the probe's time is its first sample's").isLessThan(java.time.Duration.ofMillis(700));
            assertThat(timed.attempts()).isEqualTo(1);

            ProbeResult unrecorded = run(slow, Snapshots.recording());
            assertThat(unrecorded.status()).isEqualTo(ProbeStatus.PASSED);
            assertThat(unrecorded.snapshot()).isNull();
            assertThat(unrecorded.message()).endsWith("; snapshot NOT recorded: the second sample failed (expected status 2xx "
                    + "but was 503; body: {\"ok\":true}), so its noise could not be learned");
        } finally {
            slowSecond.close();
        }
    }

    @Test
    void aProbeWithoutASnapshotIsSampledOnceEvenByABaseline() {
        Path file = suite("{ status: 200 }");
        answer.set(() -> order("sku", "12.5"));
        ProbeResult recorded = run(file, Snapshots.recording());
        assertThat(recorded.snapshot()).isNull();
        assertThat(requests.get()).isEqualTo(1);
        assertThat(baseline(suite("{ snapshot: true }")).snapshot()).isNotNull();
        assertThat(requests.get()).as("the second sample, for the snapshot probe only").isEqualTo(3);
    }

    @Test
    void badSnapshotDeclarationsAreRefusedAtTheirLineAndColumn() {
        ProbeTestKit files = ProbeTestKit.in(folder);
        Path file = files.write("bad.yaml", """
                suite: s
                probes:
                  - id: maybe
                    http: { get: "http://localhost:8080/a", expect: { snapshot: maybe } }
                  - id: list
                    http: { get: "http://localhost:8080/a", expect: { snapshot: [a] } }
                  - id: paths
                    http:
                      get: http://localhost:8080/a
                      expect:
                        snapshot:
                          ignore: [$.ok, "$.items[", { a: 1 }]
                          headers: [X-Version, Set-Cookie]
                          ignor: [$.x]
                """);
        assertThatThrownBy(() -> files.load(file)).isInstanceOf(InvalidSuiteException.class)
                .extracting(thrown -> ((InvalidSuiteException) thrown).problems().stream()
                        .map(p -> p.location().line() + ":" + p.location().column() + " " + p.probeId() + ": " + p.message())
                        .toList())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(String.class))
                .containsExactlyInAnyOrder(
                        "4:65 maybe: http.expect.snapshot: expected true, false or a map { ignore: [JSONPATH...], "
                                + "headers: [NAME...] }, found 'maybe'",
                        "6:65 list: http.expect.snapshot: expected true, false or a map { ignore: [JSONPATH...], "
                                + "headers: [NAME...] }, found a list",
                        "12:26 paths: http.expect.snapshot.ignore[1]: '$.items[' is not a JSONPath: unclosed '[' at position 8",
                        "12:38 paths: http.expect.snapshot.ignore[2]: expected a JSONPath like $.generatedAt, found a map",
                        "13:20 paths: http.expect.snapshot.headers: the Set-Cookie header holds secrets and is never recorded",
                        "14:11 paths: http.expect.snapshot: unknown key 'ignor' (did you mean 'ignore'?)");
    }
}
