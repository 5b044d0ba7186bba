package org.postpatch.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * B2, cold: {@code bin/postpatch run} of a 20-probe http suite as a fresh process, against a fresh
 * {@code java} process making the same 20 requests and checks with a plain HttpClient
 * ({@link PlainMain}), with the same JVM flags as {@code bin/postpatch}. Runs alternate; medians of
 * the wall time from process start to exit are compared. An empty JVM ({@link EmptyMain}) shows the
 * floor both share.
 *
 * The postpatch side runs with its ledger on (an H2 file of the benchmark's own, growing a run each
 * time) and off; the plain side also with the JVM's default flags.
 *
 * <p>Usage: {@code ColdBenchmark POSTPATCH_SCRIPT POSTPATCH_JAR BENCHMARK_JAR [runs] [probes,probes...] [--profile] [--appcds] [--compare=OTHER_POSTPATCH_JAR...]}
 */
public final class ColdBenchmark {

    /** The flags bin/postpatch starts the JVM with; the baseline gets the same. */
    static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    private ColdBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path script = Path.of(args[0]).toAbsolutePath();
        Path postpatchJar = Path.of(args[1]).toAbsolutePath();
        Path benchmarkJar = Path.of(args[2]).toAbsolutePath();
        int runs = WarmBenchmark.intArg(args, 3, 11);
        List<Integer> sizes = args.length > 4 && !args[4].startsWith("--")
                ? java.util.Arrays.stream(args[4].split(",")).map(Integer::valueOf).toList() : List.of(20);
        boolean profile = List.of(args).contains("--profile");
        boolean appCds = List.of(args).contains("--appcds");
        List<String> compare = List.of(args).stream().filter(arg -> arg.startsWith("--compare="))
                .map(arg -> Path.of(arg.substring("--compare=".length())).toAbsolutePath().toString()).toList();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (BenchServer server = new BenchServer(0)) {
            Path folder = Files.createTempDirectory("postpatch-cold");
            try {
                for (int probes : sizes) {
                    measure(script, postpatchJar, benchmarkJar, java, server, folder, runs, probes, profile, appCds, compare);
                    System.out.println();
                }
            } finally {
                TempFolders.delete(folder);
            }
        }
    }

    /** B2 at one suite size: the postpatch runs with the ledger on (an H2 file) and off, against the plain processes. */
    private static void measure(Path script, Path postpatchJar, Path benchmarkJar, String java, BenchServer server,
                                Path folder, int runs, int probes, boolean profile, boolean appCds, List<String> compare)
            throws Exception {
        Path suite = Suites.write(folder, server.url(), probes);
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("empty JVM (same flags)", command(java, benchmarkJar, EmptyMain.class.getName()));
        commands.put(PLAIN, command(java, benchmarkJar, PlainMain.class.getName(),
                server.url(), String.valueOf(probes), "8"));
        commands.put(PLAIN_STOPPED, command(java, benchmarkJar, PlainMain.class.getName(),
                server.url(), String.valueOf(probes), "8", "stop"));
        commands.put(PLAIN_DEFAULT_FLAGS, List.of(java, "-cp", benchmarkJar.toString(), PlainMain.class.getName(),
                server.url(), String.valueOf(probes), "8"));
        // The ledger in the benchmark's folder, never the operator's ~/.postpatch: it grows by a run each time, as in use.
        commands.put(POSTPATCH, List.of(script.toString(), "run", "--parallel", "8", "--ledger",
                folder.resolve("ledger-" + probes).toString(), suite.toString()));
        commands.put(POSTPATCH_NO_LEDGER, List.of(script.toString(), "run", "--parallel", "8", "--ledger", "none",
                suite.toString()));
        // bin/postpatch's AppCDS archive in a cache folder of the benchmark's own: in the shared ~/.cache, a
        // run of another build of postpatch (another checkout, another user of the account) replaces it.
        Map<String, String> environment = Map.of("POSTPATCH_JAR", postpatchJar.toString(), "POSTPATCH_JAVA", java,
                "XDG_CACHE_HOME", folder.resolve("cache").toString());
        for (String jar : compare) {
            // Another build of the command line (an earlier commit's), interleaved with this one.
            // Its own cache folder: bin/postpatch keeps one AppCDS archive per cache and deletes the others
            // when it makes one, so two jars sharing a cache would both run without an archive every time.
            Path cache = folder.resolve("cache-" + Math.abs(jar.hashCode()));
            List<String> other = new ArrayList<>(List.of("env", "POSTPATCH_JAR=" + jar, "XDG_CACHE_HOME=" + cache));
            other.addAll(commands.get(POSTPATCH));
            commands.put(compared(jar), other);
        }
        if (appCds) {
            addAppCds(commands, environment, folder);
        }
        // bin/postpatch makes its AppCDS archive on its first run, from the classes that run loads: a first
        // run with --ledger none would leave H2 and the report's classes out of it for every later run.
        // The archive of each build is made by a run with the ledger on, as by a deploy script's baseline.
        for (Map.Entry<String, List<String>> command : commands.entrySet()) {
            if (command.getKey().equals(POSTPATCH) || command.getKey().endsWith(".jar (ledger on)")) {
                timeProcess(command.getValue(), environment, folder);
            }
        }
        Map<String, Stats> times = new LinkedHashMap<>();
        commands.keySet().forEach(name -> times.put(name, new Stats()));
        List<String> names = new ArrayList<>(commands.keySet());
        for (int round = -2; round < runs; round++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(Math.floorMod(i + round, names.size()));
                long took = timeProcess(commands.get(name), environment, folder);
                if (round >= 0) {
                    times.get(name).add(took);
                }
            }
        }
        Stats postpatch = times.get(POSTPATCH);
        Stats plain = times.get(PLAIN);
        Stats empty = times.get("empty JVM (same flags)");
        System.out.println("B2 cold: " + probes + " requests as a fresh process, " + runs
                + " runs each after 2 warm-up runs (interleaved); JVM flags " + String.join(" ", JVM_FLAGS)
                + " (load average " + Files.readString(Path.of("/proc/loadavg")).substring(0, 14).trim() + " at the end)");
        times.forEach((name, stats) -> System.out.printf("  %-40s %s%n", name, stats.describe()));
        System.out.println("  B2 ratio postpatch / plain process, ledger on:   " + Stats.ratio(postpatch, plain)
                + "   (target <= 1.0)");
        System.out.println("  B2 ratio postpatch / plain process, ledger off:  " + Stats.ratio(times.get(POSTPATCH_NO_LEDGER), plain)
                + "   (target <= 1.0)");
        System.out.println("  B2 ratio postpatch / plain process with default JVM flags, ledger on: "
                + Stats.ratio(postpatch, times.get(PLAIN_DEFAULT_FLAGS)));
        System.out.println("  B2 ratio postpatch / plain process that also stops its client's selector thread, ledger on: "
                + Stats.ratio(postpatch, times.get(PLAIN_STOPPED)));
        System.out.printf("  beyond the empty JVM: postpatch %.0f ms (ledger off %.0f ms), plain %.0f ms%n",
                postpatch.median() - empty.median(), times.get(POSTPATCH_NO_LEDGER).median() - empty.median(),
                plain.median() - empty.median());
        for (String jar : compare) {
            System.out.println("  B2 ratio this build / " + jar + ", ledger on: " + Stats.ratio(postpatch, times.get(compared(jar))));
        }
        if (appCds) {
            Stats postpatchCds = times.get(APPCDS_POSTPATCH);
            System.out.println("  with AppCDS (proposal): postpatch+CDS / plain: " + Stats.ratio(postpatchCds, plain)
                    + ", postpatch+CDS / plain+CDS: " + Stats.ratio(postpatchCds, times.get(APPCDS_PLAIN)));
        }
        if (profile) {
            profile(commands, environment, folder);
        }
    }

    private static final String PLAIN = "plain HttpClient process";
    private static final String PLAIN_DEFAULT_FLAGS = "plain process, default JVM flags";
    private static final String POSTPATCH = "bin/postpatch run (ledger: H2 file)";
    private static final String POSTPATCH_NO_LEDGER = "bin/postpatch run --ledger none";

    private static String compared(String jar) {
        return "bin/postpatch run, " + Path.of(jar).getFileName() + " (ledger on)";
    }
    private static final String PLAIN_STOPPED = "plain process, selector stopped";
    private static final String APPCDS_POSTPATCH = "bin/postpatch run, AppCDS archive";
    private static final String APPCDS_PLAIN = "plain HttpClient process, AppCDS";

    /**
     * The proposal for bin/postpatch, measured: a dynamic AppCDS archive made by one training run
     * ({@code -XX:ArchiveClassesAtExit}) and used by every later run ({@code -XX:SharedArchiveFile}).
     * The plain process gets the same treatment, for a like-for-like figure.
     */
    private static void addAppCds(Map<String, List<String>> commands, Map<String, String> environment, Path folder)
            throws IOException, InterruptedException {
        Path postpatchArchive = folder.resolve("postpatch.jsa");
        Path plainArchive = folder.resolve("plain.jsa");
        Map<String, String> training = new LinkedHashMap<>(environment);
        training.put("POSTPATCH_JAVA_OPTS", "-XX:ArchiveClassesAtExit=" + postpatchArchive);
        timeProcess(commands.get(POSTPATCH), training, folder);
        List<String> plainTraining = new ArrayList<>(commands.get(PLAIN));
        plainTraining.add(1, "-XX:ArchiveClassesAtExit=" + plainArchive);
        timeProcess(plainTraining, environment, folder);
        List<String> postpatchWithArchive = new ArrayList<>(List.of("env",
                "POSTPATCH_JAVA_OPTS=-XX:SharedArchiveFile=" + postpatchArchive));
        postpatchWithArchive.addAll(commands.get(POSTPATCH));
        commands.put(APPCDS_POSTPATCH, postpatchWithArchive);
        List<String> plainWithArchive = new ArrayList<>(commands.get(PLAIN));
        plainWithArchive.add(1, "-XX:SharedArchiveFile=" + plainArchive);
        commands.put(APPCDS_PLAIN, plainWithArchive);
    }

    private static List<String> command(String java, Path jar, String main, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(JVM_FLAGS);
        command.add("-cp");
        command.add(jar.toString());
        command.add(main);
        command.addAll(List.of(arguments));
        return command;
    }

    private static long timeProcess(List<String> command, Map<String, String> environment, Path folder)
            throws IOException, InterruptedException {
        return timeProcess(command, environment, folder, Duration.ofMinutes(2));
    }

    /**
     * Runs one process in {@code folder} to its end, its output discarded: its wall time in nanoseconds.
     *
     * @throws IllegalStateException when it takes longer than {@code timeout} or exits with another code than 0
     */
    static long timeProcess(List<String> command, Map<String, String> environment, Path folder, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(folder.resolve("last-stderr.txt").toFile());
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out after " + timeout + ": " + command);
        }
        long took = System.nanoTime() - start;
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit code " + process.exitValue() + " from " + command + ": "
                    + Files.readString(folder.resolve("last-stderr.txt")));
        }
        return took;
    }

    /** Counts the classes each process loads, by where they come from and by top-level package. */
    private static void profile(Map<String, List<String>> commands, Map<String, String> environment, Path folder)
            throws IOException, InterruptedException {
        System.out.println();
        System.out.println("Profile: classes loaded (-Xlog:class+load), by source and package");
        for (Map.Entry<String, List<String>> entry : commands.entrySet()) {
            if (entry.getKey().contains("AppCDS") || entry.getKey().equals(PLAIN_STOPPED)
                    || entry.getKey().equals(PLAIN_DEFAULT_FLAGS) || entry.getKey().equals(POSTPATCH_NO_LEDGER)
                    || entry.getKey().endsWith(".jar (ledger on)")) {
                continue;
            }
            Path log = folder.resolve("classes-" + entry.getKey().replaceAll("\\W+", "-") + ".log");
            List<String> command = new ArrayList<>(entry.getValue());
            Map<String, String> env = new LinkedHashMap<>(environment);
            String logging = "-Xlog:class+load=info:file=" + log + ":uptime";
            if (command.get(0).endsWith("postpatch")) {
                env.put("POSTPATCH_JAVA_OPTS", logging);
            } else {
                command.add(1, logging);
            }
            timeProcess(command, env, folder);
            Map<String, Integer> bySource = new TreeMap<>();
            Map<String, Integer> byPackage = new TreeMap<>();
            int total = 0;
            for (String line : Files.readAllLines(log)) {
                int source = line.indexOf(" source: ");
                if (source < 0) {
                    continue;
                }
                total++;
                String from = line.substring(source + 9).trim();
                bySource.merge(from.startsWith("shared objects file") ? "CDS archive"
                        : from.startsWith("jrt:") ? "JDK modules (not archived)" : from.contains(".jar") ? "application jar"
                        : "generated at run time", 1, Integer::sum);
                String name = line.substring(line.lastIndexOf("] ") + 2, source).trim();
                String[] parts = name.split("\\.");
                String group = parts.length > 2 ? parts[0] + "." + parts[1] + (parts[0].equals("org") || parts[0].equals("com")
                        || parts[0].equals("jdk") || parts[0].equals("sun") ? "." + parts[2] : "") : name;
                byPackage.merge(group, 1, Integer::sum);
            }
            System.out.println("  " + entry.getKey() + ": " + total + " classes " + bySource);
            if (command.get(0).endsWith("postpatch")) {
                timeline(Files.readAllLines(log));
            }
            byPackage.entrySet().stream().filter(e -> e.getValue() >= 40)
                    .sorted((a, b) -> b.getValue() - a.getValue())
                    .forEach(e -> System.out.printf("      %5d  %s%n", e.getValue(), e.getKey()));
        }
    }

    /** When each phase of a postpatch run began, from the first class it loads (JVM uptime, seconds). */
    private static void timeline(List<String> lines) {
        Map<String, String> phases = new LinkedHashMap<>();
        phases.put("org.postpatch.cli.Main", "command line starts");
        phases.put("picocli.", "picocli parses the arguments");
        phases.put("org.postpatch.config.SuiteLoader", "probe files are read and validated");
        phases.put("org.postpatch.run.Runner", "the runner starts the JUnit Platform launcher");
        phases.put("org.postpatch.engine.SuiteExecution", "the engine schedules the probes");
        phases.put("org.postpatch.probes.http.client.HttpClients", "the first http probe builds the run's client");
        phases.put("org.postpatch.probes.http.client.Exchange", "the first request is sent");
        phases.put("org.postpatch.probes.http.expect.ReceivedResponse", "the first response is in");
        phases.put("org.postpatch.report.Counts", "the summary is printed");
        Map<String, String> seen = new LinkedHashMap<>();
        String last = "";
        for (String line : lines) {
            int close = line.indexOf("s]");
            if (!line.startsWith("[") || close < 0) {
                continue;
            }
            String uptime = line.substring(1, close);
            last = uptime;
            String name = line.substring(close + 3);
            for (String prefix : phases.keySet()) {
                if (!seen.containsKey(prefix) && name.startsWith(prefix)) {
                    seen.put(prefix, uptime);
                }
            }
        }
        System.out.println("    timeline (JVM uptime when the phase loaded its first class):");
        phases.forEach((prefix, phase) -> System.out.printf("      %7s s  %s%n", seen.getOrDefault(prefix, "-"), phase));
        System.out.printf("      %7s s  last class loaded%n", last);
    }
}
