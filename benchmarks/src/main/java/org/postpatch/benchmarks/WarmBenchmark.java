package org.postpatch.benchmarks;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.postpatch.config.SuiteLoader;
import org.postpatch.model.Suite;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;
import org.postpatch.result.Verdict;
import org.postpatch.run.Runner;

/**
 * B1, warm: in one JVM, 200 http probes (status + one JSON assertion) with parallelism 8 through the
 * real runner, against the same 200 requests and checks made by hand with a JDK HttpClient on 8
 * threads. Both sides warm up first, then rounds alternate and the medians are compared.
 *
 * <p>Two baselines: a client made once and kept across rounds (the strictest: its connections
 * are already open), and a client made for each round, as postpatch makes one for each run.
 */
public final class WarmBenchmark {

    private WarmBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int probes = intArg(args, 0, 200);
        int rounds = intArg(args, 1, 21);
        int warmup = intArg(args, 2, 10);
        int parallel = 8;
        try (BenchServer server = new BenchServer(0)) {
            Path folder = Files.createTempDirectory("postpatch-bench");
            List<Suite> suites = SuiteLoader.builder().build()
                    .load(List.of(Suites.write(folder, server.url(), probes).toString()));
            List<Suite> noopSuites = SuiteLoader.builder().build()
                    .load(List.of(Suites.writeReference(folder, "bench-noop", server.url(), probes).toString()));
            List<Suite> plainSuites = SuiteLoader.builder().build()
                    .load(List.of(Suites.writeReference(folder, "bench-plain", server.url(), probes).toString()));
            Runner runner = Runner.builder().parallel(parallel).attachments(folder.resolve("attachments")).build();
            ExecutorService threads = Executors.newFixedThreadPool(parallel);
            HttpClient kept = PlainChecks.client();
            Stats postpatch = new Stats();
            Stats plainKept = new Stats();
            Stats plainFresh = new Stats();
            Stats engineOnly = new Stats();
            Stats engineWithPlain = new Stats();
            try {
                for (int round = 0; round < warmup + rounds; round++) {
                    boolean measured = round >= warmup;
                    // Alternate who goes first, so that neither side always runs on a freshly idle machine.
                    for (int side = 0; side < 5; side++) {
                        switch ((side + round) % 5) {
                            case 0 -> time(measured, postpatch, () -> passOrThrow(runner.run(suites)));
                            case 1 -> time(measured, plainKept, () -> PlainChecks.run(kept, threads, server.url(), probes));
                            case 2 -> time(measured, engineOnly, () -> passOrThrow(runner.run(noopSuites)));
                            case 3 -> time(measured, engineWithPlain, () -> passOrThrow(runner.run(plainSuites)));
                            default -> time(measured, plainFresh,
                                    () -> PlainChecks.run(PlainChecks.client(), threads, server.url(), probes));
                        }
                    }
                }
            } finally {
                // Its threads are not daemons: a failed round must not leave the JVM running.
                threads.shutdownNow();
            }
            System.out.println("B1 warm: " + probes + " requests, parallelism " + parallel + ", " + warmup
                    + " warm-up rounds, " + rounds + " measured rounds (interleaved)");
            System.out.println("  plain HttpClient, one client kept       " + plainKept.describe());
            System.out.println("  plain HttpClient, new client per round  " + plainFresh.describe());
            System.out.println("  postpatch http probes (runner)          " + postpatch.describe());
            System.out.println("  where the difference goes:");
            System.out.println("    engine alone, 200 no-op probes        " + engineOnly.describe());
            System.out.println("    engine running the plain checks       " + engineWithPlain.describe()
                    + "   (one client per run, like the http kind)");
            System.out.println("  B1 ratio postpatch / plain kept client:    " + Stats.ratio(postpatch, plainKept)
                    + "   (target <= 1.2)");
            System.out.println("  B1 ratio postpatch / plain client per run: " + Stats.ratio(postpatch, plainFresh));
        }
    }

    /** Throws naming the first probe that did not pass. */
    private static void passOrThrow(RunResult run) {
        if (run.verdict() != Verdict.PASS) {
            ProbeResult failed = run.probes().stream().filter(probe -> !probe.passed()).findFirst().orElse(run.probes().get(0));
            throw new IllegalStateException("the probes failed: " + failed.id() + ": " + failed.status() + ", "
                    + failed.message());
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void time(boolean measured, Stats stats, Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        long took = System.nanoTime() - start;
        if (measured) {
            stats.add(took);
        }
    }

    static int intArg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
