package org.postpatch.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postpatch.result.Verdict;
import org.postpatch.testing.PostgresServer;

/** The ledger against its embedded default (an H2 file) and a real PostgreSQL server. */
class LedgerTest {

    private static PostgresServer postgres;

    @TempDir
    Path folder;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    private Ledger open(String database) throws Exception {
        if (database.equals("h2")) {
            return Ledgers.open(folder.resolve("ledger").toString());
        }
        String name = "ledger_" + Math.abs(folder.hashCode());
        postgres.psql("postgres", "create database " + name);
        return JdbcLedger.open(postgres.jdbcUrl(name), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void recordsRunsAndReadsThemBack(String database) throws Exception {
        try (Ledger ledger = open(database)) {
            Instant start = Instant.parse("2026-11-01T10:00:00Z");
            ledger.record(List.of(Runs.run("r1", "orders", "node-1", RunKind.BASELINE, start, Verdict.PASS, Runs.jvm("17.0.15"))),
                    "{\"runId\":\"r1\"}");
            ledger.record(List.of(Runs.run("r2", "orders", "node-1", RunKind.VERIFY, start.plusSeconds(60), Verdict.FAIL,
                    Runs.jvm("25.0.1"))), "{\"runId\":\"r2\"}");

            LedgerRun latest = ledger.latest("orders", "node-1", Set.of()).orElseThrow();
            assertThat(latest.runId()).isEqualTo("r2");
            assertThat(latest.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(latest.probes()).singleElement()
                    .satisfies(p -> assertThat(p.message()).isEqualTo("expected status 200 but was 500"));
            assertThat(latest.fingerprint().changesSince(ledger.run("r1").get(0).fingerprint()))
                    .extracting(Object::toString).containsExactly("jvm.version 17.0.15 -> 25.0.1");
            assertThat(ledger.latest("orders", "node-1", Set.of(RunKind.BASELINE)).orElseThrow().runId()).isEqualTo("r1");
            assertThat(ledger.latest("orders", "node-2", Set.of())).isEmpty();
            assertThat(ledger.report("r2")).contains("{\"runId\":\"r2\"}");
            assertThat(ledger.history(null, null, 10)).extracting(LedgerRun::runId).containsExactly("r2", "r1");
            assertThat(ledger.markRolledBack("r2")).isTrue();
            assertThat(ledger.markRolledBack("nope")).isFalse();
            assertThat(ledger.run("r2").get(0).rolledBack()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void reopeningMigratesNothingTwice(String database) throws Exception {
        try (Ledger first = open(database)) {
            first.record(List.of(Runs.run("a", "s", "t", RunKind.RUN, Instant.now(), Verdict.PASS, Runs.jvm("17"))), "{}");
        }
        Ledger again = database.equals("h2") ? Ledgers.open(folder.resolve("ledger").toString())
                : JdbcLedger.open(postgres.jdbcUrl("ledger_" + Math.abs(folder.hashCode())), PostgresServer.USER,
                PostgresServer.PASSWORD);
        assertThat(again.history("s", "t", 10)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void twoProcessesRecordingAtOnceLoseNothing(String database) throws Exception {
        String location;
        if (database.equals("h2")) {
            location = folder.resolve("shared").toString();
        } else {
            String name = "shared_" + Math.abs(folder.hashCode());
            postgres.psql("postgres", "create database " + name);
            location = postgres.jdbcUrl(name) + "?user=" + PostgresServer.USER + "&password=" + PostgresServer.PASSWORD;
        }
        List<Process> writers = new ArrayList<>();
        for (String prefix : new String[] {"p1", "p2"}) {
            writers.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), LedgerWriter.class.getName(), location, prefix, "40")
                    .redirectErrorStream(true).redirectOutput(folder.resolve(prefix + ".log").toFile()).start());
        }
        for (Process writer : writers) {
            assertThat(writer.waitFor(120, TimeUnit.SECONDS)).isTrue();
        }
        for (String prefix : new String[] {"p1", "p2"}) {
            assertThat(Files.readString(folder.resolve(prefix + ".log"))).contains("recorded 40");
        }
        try (Ledger ledger = Ledgers.open(location)) {
            assertThat(ledger.history("orders", "node-1", 1000)).hasSize(80);
        }
    }

    @Test
    void anH2LedgerOfManyRunsStaysCompact() throws Exception {
        // A recording compacts the file only when most of it is dead: never compacting, 200 runs of
        // 20 probes made a 10 MB file (16% of its chunks live); compacting when under half live, 3 MB.
        String location = folder.resolve("ledger").toString();
        List<LedgerProbe> probes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            probes.add(new LedgerProbe("item-" + i, "http", "critical", "PASSED", 5, 5, 1, "200 in 2ms", null));
        }
        String report = "{\"probes\":\"" + "x".repeat(4_000) + "\"}";
        Instant start = Instant.parse("2026-11-01T10:00:00Z");
        try (Ledger ledger = Ledgers.open(location)) {
            for (int run = 0; run < 200; run++) {
                ledger.record(List.of(new LedgerRun("r" + run, "orders", "node-1", RunKind.RUN, Trigger.COMMAND_LINE,
                        start.plusSeconds(run), Duration.ofMillis(90), Verdict.PASS, false, false, Runs.jvm("17"), null,
                        false, null, probes)), report);
            }
            assertThat(ledger.history("orders", "node-1", 1000)).hasSize(200);
        }
        assertThat(Files.size(Path.of(location + ".mv.db"))).isLessThan(6L * 1024 * 1024);
    }

    @Test
    void anInterruptedThreadStillRecordsItsRunAndStaysInterrupted() {
        // What an embedded application does at shutdown: the interrupted run records its partial result.
        String location = folder.resolve("ledger").toString();
        LedgerRun partial = Runs.run("partial", "orders", "node-1", RunKind.SELFTEST, Instant.now(), Verdict.FAIL,
                Runs.jvm("17"));
        boolean stillInterrupted;
        Thread.currentThread().interrupt();
        try (Ledger ledger = Ledgers.open(location)) {
            ledger.record(List.of(partial), "{}");
        } finally {
            stillInterrupted = Thread.interrupted();
        }
        assertThat(stillInterrupted).isTrue();
        try (Ledger ledger = Ledgers.open(location)) {
            assertThat(ledger.run("partial")).singleElement().extracting(LedgerRun::verdict).isEqualTo(Verdict.FAIL);
        }
    }

    @Test
    void aCorruptLedgerDegradesToAWarning() throws Exception {
        Path file = folder.resolve("broken.mv.db");
        Files.write(file, "this is not an H2 database, it is a file that got overwritten".repeat(200).getBytes());
        List<String> warnings = new ArrayList<>();
        Ledger ledger = Ledgers.openOrWarn(file.toString(), warnings::add);
        assertThat(warnings).singleElement().asString()
                .startsWith("the ledger is unavailable, runs are not recorded: cannot open the ledger " + file);
        assertThat(ledger.describe()).startsWith("unavailable (");
        assertThatThrownBy(() -> ledger.latest("s", "t", Set.of())).isInstanceOf(LedgerException.class)
                .hasMessageStartingWith("the ledger is unavailable: ");
    }

    @Test
    void anUnreachableLedgerDegradesToAWarningNamingItWithoutItsPassword() {
        List<String> warnings = new ArrayList<>();
        long start = System.nanoTime();
        Ledgers.openOrWarn("jdbc:postgresql://127.0.0.1:1/postpatch?user=pp&password=hunter22&connectTimeout=2", warnings::add);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(warnings).singleElement().asString()
                .contains("cannot open the ledger jdbc:postgresql://127.0.0.1:1/postpatch?user=pp&password=****")
                .contains("Connection")
                .doesNotContain("hunter22");
    }

    @Test
    void patchFiguresCountPatchesFailuresAndRollbacks() {
        Instant t = Instant.parse("2026-11-01T10:00:00Z");
        LedgerRun baseline = Runs.run("b1", "orders", "n1", RunKind.BASELINE, t, Verdict.PASS, Runs.jvm("17"));
        LedgerRun verify = new LedgerRun("v1", "orders", "n1", RunKind.VERIFY, Trigger.COMMAND_LINE, t.plusSeconds(100),
                Duration.ofSeconds(5), Verdict.FAIL, false, false, Runs.jvm("17"), "b1", true, null, List.of());
        LedgerRun selfTest = new LedgerRun("s1", "orders", "n1", RunKind.SELFTEST, Trigger.START, t.plusSeconds(300),
                Duration.ofSeconds(2), Verdict.PASS, false, false, Runs.jvm("25"), null, false, t.plusSeconds(290), List.of());
        List<PatchFigures> figures = PatchFigures.of(List.of(selfTest, verify, baseline));
        assertThat(figures).singleElement().satisfies(f -> {
            assertThat(f.runs()).isEqualTo(3);
            assertThat(f.patches()).isEqualTo(2);
            assertThat(f.failuresCaught()).isEqualTo(1);
            assertThat(f.rollbacks()).isEqualTo(1);
            assertThat(f.slowestTimeToVerdict()).contains(Duration.ofSeconds(105));
            assertThat(f.medianTimeToVerdict()).contains(Duration.ofSeconds(105));
        });
    }
}
