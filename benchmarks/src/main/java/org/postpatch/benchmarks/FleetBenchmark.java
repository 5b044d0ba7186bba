package org.postpatch.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postpatch.fleet.LedgerFleet;
import org.postpatch.fleet.model.FleetView;
import org.postpatch.fleet.read.Periods;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.Ledgers;
import org.postpatch.testing.PostgresServer;

/**
 * B4, the fleet at scale: a PostgreSQL ledger of 100 applications x 3 targets x 90 days
 * ({@link FleetLedgerGenerator}); {@code bin/postpatch fleet} must answer in at most 2 s and the
 * dashboard's first page in at most 1 s. Measured as operators meet them: a fresh {@code bin/postpatch
 * fleet} process, and a running {@code bin/postpatch dashboard} asked for its page. Beside them, in
 * the same run: the same view in process (where the time goes), without the start-time index, and the
 * whole-table read that the fleet's queries replace ({@code Ledger.history} of every run).
 *
 * <p>Usage: {@code FleetBenchmark POSTPATCH_SCRIPT POSTPATCH_JAR [runs]}
 */
public final class FleetBenchmark {

    private static final String TOKEN = "b4-token";

    private FleetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path script = Path.of(args[0]).toAbsolutePath();
        Path jar = Path.of(args[1]).toAbsolutePath();
        int runs = WarmBenchmark.intArg(args, 2, 7);
        try (PostgresServer postgres = PostgresServer.start()) {
            postgres.psql("postgres", "create database fleet");
            String url = postgres.jdbcUrl("fleet") + "?user=" + PostgresServer.USER + "&password=" + PostgresServer.PASSWORD;
            Instant now = Instant.now();
            long started = System.nanoTime();
            Ledgers.open(url).close();
            String written;
            try (Connection connection = DriverManager.getConnection(url + "&reWriteBatchedInserts=true")) {
                written = new FleetLedgerGenerator(connection).generate(now);
                try (Statement statement = connection.createStatement()) {
                    connection.setAutoCommit(true);
                    // What autovacuum does on a live server: statistics and the visibility map.
                    statement.execute("vacuum analyze");
                }
            }
            System.out.printf("B4 fleet: %s; generated in %.0f s%n", written, (System.nanoTime() - started) / 1e9);
            System.out.println("  ledger size: " + postgres.psql("fleet", "select pg_size_pretty(pg_database_size('fleet'))"));
            Map<String, String> environment = Map.of("POSTPATCH_JAR", jar.toString(), "POSTPATCH_TOKEN", TOKEN,
                    "POSTPATCH_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());

            Stats fleet = timeProcesses(List.of(script.toString(), "fleet", "--ledger", url), environment, runs);
            Stats figures = timeProcesses(List.of(script.toString(), "fleet", "--ledger", url, "--figures", "--since", "90d"),
                    environment, runs);
            Stats[] page = dashboard(script, url, environment, runs);
            Stats inProcess = new Stats();
            Stats withoutIndex = new Stats();
            FleetView view;
            try (LedgerFleet ledger = LedgerFleet.open(url)) {
                view = ledger.view(Periods.parse(null, null, now), null);
                System.out.println("  the period's runs are read by: " + plan(url, now));
                Supplier<FleetView> read = () -> ledger.view(Periods.parse(null, null, Instant.now()), null);
                timeInProcess(read, 3);
                // Interleaved, so that neither side gets the warmer JIT or the warmer cache.
                for (int round = 0; round < runs; round++) {
                    inProcess.add(time(read));
                    dropIndex(url, true);
                    withoutIndex.add(time(read));
                    dropIndex(url, false);
                }
            }
            Stats wholeTable = timeInProcess(() -> {
                try (Ledger ledger = Ledgers.open(url)) {
                    return ledger.history(null, null, Integer.MAX_VALUE).size();
                }
            }, 3);
            System.out.printf("  the last 7 days: %d targets, %d changes, %d patches%n", view.targets().size(),
                    view.changes().size(), view.figures().total().patches());
            System.out.println("  bin/postpatch fleet (fresh process, 7d)        " + fleet.describe() + "   (target <= 2000 ms)");
            System.out.println("  bin/postpatch fleet --figures --since 90d      " + figures.describe());
            System.out.println("  dashboard: from start to serving (it reads once) " + page[3].describe());
            System.out.println("  dashboard: first page after start              " + page[0].describe() + "   (target <= 1000 ms)");
            System.out.println("  dashboard: page, signed in (warm)              " + page[1].describe() + "   (target <= 1000 ms)");
            System.out.println("  dashboard: /api/fleet, signed in (warm)        " + page[2].describe());
            System.out.println("  the view in process (queries + model, 7d)      " + inProcess.describe());
            System.out.println("  the same without the start-time index          " + withoutIndex.describe());
            System.out.println("  baseline: every run read whole (Ledger.history) " + wholeTable.describe());
            System.out.println("  B4 ratio whole-table read / fleet view in process: " + Stats.ratio(wholeTable, inProcess));
            System.out.println("  B4 ratio without / with the start-time index:      " + Stats.ratio(withoutIndex, inProcess));
        }
    }

    private static Stats timeProcesses(List<String> command, Map<String, String> environment, int runs) throws Exception {
        Stats stats = new Stats();
        Path output = Files.createTempFile("postpatch-b4-", ".txt");
        for (int round = -2; round < runs; round++) {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            long took = System.nanoTime() - start;
            if (process.exitValue() > 1) {
                throw new IllegalStateException("exit " + process.exitValue() + ": " + Files.readString(output));
            }
            if (round >= 0) {
                stats.add(took);
            }
        }
        Files.delete(output);
        return stats;
    }

    /** From start to serving, the first page after each start, then warm pages and API calls: four series. */
    private static Stats[] dashboard(Path script, String url, Map<String, String> environment, int runs) throws Exception {
        Stats starting = new Stats();
        Stats first = new Stats();
        Stats page = new Stats();
        Stats api = new Stats();
        HttpClient client = HttpClient.newHttpClient();
        for (int launch = 0; launch < Math.max(3, runs / 2); launch++) {
            Path console = Files.createTempFile("postpatch-b4-dashboard-", ".txt");
            ProcessBuilder builder = new ProcessBuilder(script.toString(), "dashboard", "--port", "0", "--bind", "127.0.0.1",
                    "--ledger", url).redirectErrorStream(true).redirectOutput(console.toFile());
            builder.environment().putAll(environment);
            long start = System.nanoTime();
            Process process = builder.start();
            try {
                String base = awaitServing(console, process);
                starting.add(System.nanoTime() - start);
                first.add(get(client, base));
                for (int round = 0; round < runs; round++) {
                    page.add(get(client, base));
                    api.add(get(client, base + "api/fleet"));
                }
            } finally {
                process.destroy();
                process.waitFor(30, TimeUnit.SECONDS);
                Files.delete(console);
            }
        }
        return new Stats[] {first, page, api, starting};
    }

    private static String awaitServing(Path console, Process process) throws Exception {
        Pattern serving = Pattern.compile("on (http://127.0.0.1:\\d+/)");
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < giveUp && process.isAlive()) {
            Matcher matcher = serving.matcher(Files.readString(console));
            if (matcher.find()) {
                return matcher.group(1);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new IllegalStateException("the dashboard did not start: " + Files.readString(console));
    }

    private static long get(HttpClient client, String url) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return took;
    }

    private static long time(Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        return System.nanoTime() - start;
    }

    private static Stats timeInProcess(Supplier<?> work, int runs) {
        Stats stats = new Stats();
        for (int round = -1; round < runs; round++) {
            long start = System.nanoTime();
            work.get();
            if (round >= 0) {
                stats.add(System.nanoTime() - start);
            }
        }
        return stats;
    }

    /** The first line of PostgreSQL's plan for the period's runs. */
    private static String plan(String url, Instant now) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement explain = connection.prepareStatement("explain select run_id from pp_run r"
                     + " where r.started_at_ms >= ? and r.started_at_ms < ? order by r.suite, r.target, r.started_at_ms")) {
            explain.setLong(1, now.minusSeconds(7 * 86_400).toEpochMilli());
            explain.setLong(2, now.toEpochMilli());
            List<String> lines = new ArrayList<>();
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getString(1).strip());
                }
            }
            return lines.stream().filter(line -> line.contains("Scan")).findFirst().orElse(String.join(" / ", lines));
        }
    }

    private static void dropIndex(String url, boolean drop) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(drop ? "drop index pp_run_by_time" : "create index pp_run_by_time on pp_run (started_at_ms)");
            statement.execute("analyze pp_run");
        }
    }
}
