package org.postpatch.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.postpatch.config.SuiteLoader;
import org.postpatch.engine.Snapshots;
import org.postpatch.model.Suite;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;
import org.postpatch.result.Verdict;
import org.postpatch.run.Runner;

/**
 * What snapshot expectations cost: in one JVM, N http probes of an API answering 50 orders (about
 * 4 KB of JSON, a fresh timestamp, request id and order ids in every answer), run as a baseline
 * (snapshots recorded: each snapshot probe sampled twice) and as a verify (compared with the
 * baseline's), with {@code expect: { snapshot: true }} against the same probes with
 * {@code expect: { status: 200, json: { $.status: UP } }}. Rounds interleave; medians are compared.
 */
public final class SnapshotBenchmark {

    private SnapshotBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int probes = WarmBenchmark.intArg(args, 0, 100);
        int rounds = WarmBenchmark.intArg(args, 1, 11);
        int warmup = WarmBenchmark.intArg(args, 2, 3);
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        ExecutorService executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            byte[] body = orders().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Path folder = Files.createTempDirectory("postpatch-bench-snapshot");
            List<Suite> plain = load(folder, "plain", base, probes, "{ status: 200, json: { $.status: UP } }");
            List<Suite> snapshot = load(folder, "snapshot", base, probes, "{ snapshot: true }");
            Runner.Builder runner = Runner.builder().parallel(8).attachments(folder.resolve("attachments"));
            Runner baselineRunner = runner.snapshots(Snapshots.recording()).build();
            Snapshots recorded = recorded(passed(baselineRunner.run(snapshot)));
            Runner verifyRunner = Runner.builder().parallel(8).attachments(folder.resolve("attachments"))
                    .snapshots(recorded).build();
            Stats baselinePlain = new Stats();
            Stats baselineSnapshot = new Stats();
            Stats verifyPlain = new Stats();
            Stats verifySnapshot = new Stats();
            for (int round = 0; round < warmup + rounds; round++) {
                boolean measured = round >= warmup;
                for (int side = 0; side < 4; side++) {
                    switch ((side + round) % 4) {
                        case 0 -> time(measured, baselinePlain, () -> passed(baselineRunner.run(plain)));
                        case 1 -> time(measured, baselineSnapshot, () -> passed(baselineRunner.run(snapshot)));
                        case 2 -> time(measured, verifyPlain, () -> passed(verifyRunner.run(plain)));
                        default -> time(measured, verifySnapshot, () -> passed(verifyRunner.run(snapshot)));
                    }
                }
            }
            int snapshotChars = recordedChars(passed(baselineRunner.run(snapshot)));
            System.out.println("Snapshots: " + probes + " probes of a ~" + orders().length() / 1024 + " KB JSON answer, "
                    + "parallelism 8, " + warmup + " warm-up rounds, " + rounds + " measured rounds (interleaved)");
            System.out.println("  baseline, status + one JSON value       " + baselinePlain.describe());
            System.out.println("  baseline, snapshot: true (2 samples)    " + baselineSnapshot.describe());
            System.out.println("  verify,   status + one JSON value       " + verifyPlain.describe());
            System.out.println("  verify,   snapshot: true (compared)     " + verifySnapshot.describe());
            System.out.println("  baseline ratio snapshot / plain: " + Stats.ratio(baselineSnapshot, baselinePlain)
                    + "   (two requests per probe instead of one)");
            System.out.println("  verify ratio snapshot / plain:   " + Stats.ratio(verifySnapshot, verifyPlain));
            System.out.println("  recorded per probe: " + snapshotChars / probes + " characters");
        } finally {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    /** 50 orders with a fresh id each, stamped with the time and a request id: noise a snapshot must learn. */
    private static String orders() {
        StringBuilder json = new StringBuilder("{\"status\":\"UP\",\"generatedAt\":\"").append(Instant.now())
                .append("\",\"requestId\":\"").append(UUID.randomUUID()).append("\",\"orders\":[");
        for (int i = 0; i < 50; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(UUID.randomUUID()).append("\",\"sku\":\"SKU-")
                    .append(i).append("\",\"qty\":").append(i % 5 + 1).append(",\"price\":").append(9.5 + i).append('}');
        }
        return json.append("]}").toString();
    }

    private static List<Suite> load(Path folder, String name, String base, int count, String expect) throws Exception {
        StringBuilder yaml = new StringBuilder("suite: ").append(name).append("\nprobes:\n");
        for (int i = 0; i < count; i++) {
            yaml.append("  - id: orders-").append(i).append("\n    http: { get: \"").append(base).append("/orders/")
                    .append(i).append("\", expect: ").append(expect).append(" }\n");
        }
        Path file = Files.writeString(folder.resolve(name + ".yaml"), yaml);
        return SuiteLoader.builder().build().load(List.of(file.toString()));
    }

    private static RunResult passed(RunResult run) {
        if (run.verdict() != Verdict.PASS) {
            throw new IllegalStateException("the probes failed: " + run.probes().stream().filter(p -> !p.passed())
                    .findFirst().map(ProbeResult::message).orElse(""));
        }
        return run;
    }

    private static Snapshots recorded(RunResult baseline) {
        Map<String, String> byProbe = new HashMap<>();
        baseline.probes().forEach(probe -> byProbe.put(probe.id(), probe.snapshot()));
        return Snapshots.NONE.against("snapshot", baseline.runId(), byProbe);
    }

    private static int recordedChars(RunResult baseline) {
        return baseline.probes().stream().mapToInt(probe -> probe.snapshot().length()).sum();
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void time(boolean measured, Stats stats, Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        if (measured) {
            stats.add(System.nanoTime() - start);
        }
    }
}
