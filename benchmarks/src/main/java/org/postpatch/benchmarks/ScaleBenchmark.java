package org.postpatch.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scale: {@code bin/postpatch validate} and {@code bin/postpatch run --parallel 8} of suites of
 * 10,000 to 100,000 independent http probes against a local {@link BenchServer}, and of a 20,000-long
 * {@code needs} chain, each as a fresh process: wall time, CPU time (user and system: on a shared
 * machine the work done, whatever the load) and the process's maximum resident set size (from
 * {@code /usr/bin/time}). The sizes grow so that the growth is visible: per probe, a
 * linear engine costs the same at 100,000 as at 10,000.
 *
 * <p>Usage: {@code ScaleBenchmark POSTPATCH_SCRIPT POSTPATCH_JAR [sizes, comma-separated] [chain length]}
 */
public final class ScaleBenchmark {

    private static final Path TIME = Path.of("/usr/bin/time");

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path script = Path.of(args[0]).toAbsolutePath();
        Path postpatchJar = Path.of(args[1]).toAbsolutePath();
        List<Integer> sizes = args.length > 2 ? List.of(args[2].split(",")).stream().map(Integer::parseInt).toList()
                : List.of(10_000, 20_000, 50_000, 100_000);
        int chain = WarmBenchmark.intArg(args, 3, 20_000);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, String> environment = Map.of("POSTPATCH_JAR", postpatchJar.toString(), "POSTPATCH_JAVA", java);
        try (BenchServer server = new BenchServer(0)) {
            Path folder = Files.createTempDirectory("postpatch-scale");
            // The first run of a new jar writes its class-data archive: not part of any figure.
            measure(List.of(script.toString(), "validate", Suites.write(folder, server.url(), 10).toString()),
                    environment, folder);
            System.out.println("Scale: fresh processes, --parallel 8, http probes against a local server"
                    + " (ledger: an H2 file per run, as by default); wall time, CPU time, maximum RSS");
            for (int size : sizes) {
                measureBoth(script, environment, folder, writeSuite(folder, server.url(), size, false), size, "independent");
            }
            if (chain > 0) {
                measureBoth(script, environment, folder, writeSuite(folder, server.url(), chain, true), chain, "needs chain");
            }
            System.out.println("  targets: validate 100,000 independent <= 5 s; validate a 20,000 chain <= 2 s;"
                    + " run 100,000 <= 60 s and <= 1024 MB RSS");
            System.out.println("  requests served: " + server.served());
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void measureBoth(Path script, Map<String, String> environment, Path folder, Path suite, int size,
                                    String shape) throws IOException, InterruptedException {
        System.out.println(row("validate", size, shape, measure(List.of(script.toString(), "validate", suite.toString()),
                environment, folder)));
        Path ledger = folder.resolve("ledger-" + shape.replace(' ', '-') + "-" + size);
        System.out.println(row("run", size, shape, measure(List.of(script.toString(), "run", "--parallel", "8", "--ledger",
                ledger.toString(), suite.toString()), environment, folder)));
    }

    private record Measured(long nanos, double cpuSeconds, long maxRssKilobytes) {
    }

    private static String row(String command, int size, String shape, Measured measured) {
        double seconds = measured.nanos() / 1e9;
        return String.format(Locale.ROOT, "  %-8s %,8d %-12s  wall %7.2f s  (%6.1f us per probe)  cpu %s  max RSS %s",
                command, size, shape, seconds, measured.nanos() / 1e3 / size,
                measured.cpuSeconds() < 0 ? "n/a" : String.format(Locale.ROOT, "%7.2f s (%6.1f us per probe)",
                        measured.cpuSeconds(), measured.cpuSeconds() * 1e6 / size),
                measured.maxRssKilobytes() < 0 ? "n/a" : String.format(Locale.ROOT, "%5d MB", measured.maxRssKilobytes() / 1024));
    }

    /** Runs one process to its end; its wall time and, through /usr/bin/time, its CPU time and maximum RSS. */
    private static Measured measure(List<String> command, Map<String, String> environment, Path folder)
            throws IOException, InterruptedException {
        Path rss = folder.resolve("cpu-and-rss.txt");
        Files.deleteIfExists(rss);
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(TIME)) {
            full.addAll(List.of(TIME.toString(), "-f", "%U %S %M", "-o", rss.toString()));
        }
        full.addAll(command);
        long took = ColdBenchmark.timeProcess(full, environment, folder, Duration.ofMinutes(20));
        if (!Files.exists(rss)) {
            return new Measured(took, -1, -1);
        }
        List<String> lines = Files.readAllLines(rss);
        String[] figures = lines.get(lines.size() - 1).trim().split(" ");
        return new Measured(took, Double.parseDouble(figures[0]) + Double.parseDouble(figures[1]), Long.parseLong(figures[2]));
    }

    /**
     * A suite of {@code size} http probes, each needing the one before it when {@code chain}: a main
     * file including parts of at most 10,000 probes (a probe file is limited to 4 MB).
     */
    private static Path writeSuite(Path folder, String base, int size, boolean chain) throws IOException {
        String name = (chain ? "chain-" : "bench-") + size;
        Path suiteFolder = Files.createDirectories(folder.resolve(name));
        StringBuilder main = new StringBuilder("suite: ").append(name).append("\nvars:\n  base: ").append(base)
                .append("\ninclude:\n");
        for (int first = 0; first < size; first += PART) {
            StringBuilder part = new StringBuilder("probes:\n");
            for (int i = first; i < Math.min(size, first + PART); i++) {
                part.append("  - id: item-").append(i).append('\n');
                if (chain && i > 0) {
                    part.append("    needs: [item-").append(i - 1).append("]\n");
                }
                part.append("    http:\n")
                        .append("      get: ${base}/item/").append(i).append('\n')
                        .append("      expect: { status: 200, json: { $.status: UP } }\n");
            }
            String file = "part-" + first / PART + ".yaml";
            Files.writeString(suiteFolder.resolve(file), part);
            main.append("  - ").append(file).append('\n');
        }
        return Files.writeString(suiteFolder.resolve("suite.yaml"), main);
    }

    private static final int PART = 10_000;
}
