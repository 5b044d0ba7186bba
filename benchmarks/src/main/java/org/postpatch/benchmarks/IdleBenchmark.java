package org.postpatch.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What an embedded self-test costs an application while nothing is due: the same application
 * ({@link IdleApp}) as a fresh process with the self-test embedded and idle (its fingerprint already
 * in the ledger: no run on start, no schedule) and without it, in alternation. After start-up and
 * a settling pause, the resident set and the CPU time the process uses over an idle window, from
 * {@code /proc}. Then the self-test on a 100 ms schedule: the heap after a full collection, the
 * resident set and the threads after 10 runs and after 100 more, with the JVM's defaults and again
 * with a bounded heap ({@code -Xmx256m}).
 *
 * <p>Usage: {@code IdleBenchmark BENCHMARK_JAR [rounds] [idle seconds] [scheduled runs]}
 */
public final class IdleBenchmark {

    private static final int PROBES = 20;
    private static final long SETTLE_MILLIS = 5_000;
    /** The scheduled runs are also measured with the heap bounded, as an application in production runs. */
    private static final String BOUNDED_HEAP = "-Xmx256m";
    /** Clock ticks per second of /proc/PID/stat's times (USER_HZ, 100 on Linux). */
    private static final int TICKS_PER_SECOND = 100;

    private IdleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        int rounds = WarmBenchmark.intArg(args, 1, 3);
        int idleSeconds = WarmBenchmark.intArg(args, 2, 10);
        int scheduledRuns = WarmBenchmark.intArg(args, 3, 100);
        Path folder = Files.createTempDirectory("postpatch-idle");
        // The application's base URL is given to the self-test as the variable base.
        String probes = Suites.write(folder, "http://127.0.0.1:1", PROBES).toString();
        String ledger = folder.resolve("ledger").toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            measureAll(java, jar, ledger, probes, rounds, idleSeconds, scheduledRuns);
        } finally {
            TempFolders.delete(folder);
        }
    }

    private static void measureAll(String java, Path jar, String ledger, String probes, int rounds, int idleSeconds,
                                   int scheduledRuns) throws Exception {
        // The first start records the application's fingerprint (and runs once): later starts have nothing due.
        // The second finds that in the ledger and writes the record beside it, which the first may not
        // have had time to write before it was ended: an application that runs longer writes it after its run.
        for (int start = 0; start < 2; start++) {
            measure(List.of(java, "-cp", jar.toString(), IdleApp.class.getName(), "embedded", ledger, probes), 0, 0);
        }
        Stats plainRss = new Stats();
        Stats embeddedRss = new Stats();
        Stats plainCpu = new Stats();
        Stats embeddedCpu = new Stats();
        Stats plainStartCpu = new Stats();
        Stats embeddedStartCpu = new Stats();
        for (int round = 0; round < rounds; round++) {
            for (int side = 0; side < 2; side++) {
                boolean embedded = (side + round) % 2 == 0;
                long[] figures = measure(List.of(java, "-cp", jar.toString(), IdleApp.class.getName(),
                        embedded ? "embedded" : "plain", ledger, probes), SETTLE_MILLIS, idleSeconds * 1000L);
                (embedded ? embeddedRss : plainRss).addValue(figures[0] / 1024.0);
                (embedded ? embeddedStartCpu : plainStartCpu).addValue(figures[1] * 1000.0 / TICKS_PER_SECOND);
                (embedded ? embeddedCpu : plainCpu).addValue(figures[2] * 1000.0 / TICKS_PER_SECOND);
            }
        }
        System.out.println("B5 embedded idle: an application (JDK HttpServer) with the self-test embedded and idle ("
                + PROBES + " http probes, H2 ledger, fingerprint already recorded) and without; " + rounds
                + " starts each, alternating; JVM defaults; load average "
                + Files.readString(Path.of("/proc/loadavg")).substring(0, 14).trim() + " at the end");
        System.out.printf("  RSS, plain application                %s%n", plainRss.describe("MB"));
        System.out.printf("  RSS, with the self-test embedded      %s%n", embeddedRss.describe("MB"));
        System.out.printf(Locale.ROOT, "  B5 RSS delta: %.1f MB   (target <= 20 MB)%n", embeddedRss.median() - plainRss.median());
        System.out.printf("  CPU from start to settled, plain      %s%n", plainStartCpu.describe("ms CPU"));
        System.out.printf("  CPU from start to settled, embedded   %s%n", embeddedStartCpu.describe("ms CPU"));
        System.out.printf("  CPU over %d s idle, plain              %s%n", idleSeconds, plainCpu.describe("ms CPU"));
        System.out.printf("  CPU over %d s idle, embedded           %s%n", idleSeconds, embeddedCpu.describe("ms CPU"));
        System.out.printf(Locale.ROOT, "  B5 idle CPU delta: %.0f ms over %d s   (target: none beyond the clock's 10 ms tick)%n",
                embeddedCpu.median() - plainCpu.median(), idleSeconds);
        scheduled(java, jar, ledger, probes, scheduledRuns, List.of(), "JVM defaults");
        // What an application in production would run with: a heap bounded by its own -Xmx.
        scheduled(java, jar, ledger, probes, scheduledRuns, List.of(BOUNDED_HEAP), "bounded heap, " + BOUNDED_HEAP);
    }

    /**
     * Starts the application, waits for {@code ready}, settles, then reads its resident set (kB), the CPU
     * ticks it used so far and those it uses over {@code idleMillis}; ends it by closing its input.
     */
    private static long[] measure(List<String> command, long settleMillis, long idleMillis) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (!"ready".equals(line)) {
                throw new IllegalStateException("the application did not start: " + line);
            }
            Thread.sleep(settleMillis);
            long started = cpuTicks(process.pid());
            Thread.sleep(idleMillis);
            long rss = IdleApp.rssKb(process.pid());
            long idle = cpuTicks(process.pid()) - started;
            return new long[] {rss, started, idle};
        } finally {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** User and system CPU time of a process so far, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static void scheduled(String java, Path jar, String ledger, String probes, int runs, List<String> flags,
                                  String label) throws Exception {
        System.out.println("B5 scheduled (" + label + "): the self-test every 100 ms in the same application; after a full"
                + " collection:");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(flags);
        command.addAll(List.of("-cp", jar.toString(), IdleApp.class.getName(), "scheduled", ledger, probes,
                String.valueOf(runs)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                System.out.println("  " + line);
                lines.add(line);
            }
        }
        if (!process.waitFor(5, TimeUnit.MINUTES) || lines.size() < 3) {
            process.destroyForcibly();
            throw new IllegalStateException("the scheduled self-test did not report after 10 and " + (10 + runs) + " runs");
        }
        System.out.printf(Locale.ROOT, "  B5 growth over %d scheduled runs (%s): heap %+d kB, RSS %+d kB, threads %+d"
                        + "   (target: none)%n", runs, label, field(lines.get(2), "heapAfterGcKb") - field(lines.get(0), "heapAfterGcKb"),
                field(lines.get(2), "rssKb") - field(lines.get(0), "rssKb"),
                field(lines.get(2), "threads") - field(lines.get(0), "threads"));
        System.out.printf(Locale.ROOT, "  of which over the last %d: heap %+d kB, RSS %+d kB, threads %+d%n", runs / 2,
                field(lines.get(2), "heapAfterGcKb") - field(lines.get(1), "heapAfterGcKb"),
                field(lines.get(2), "rssKb") - field(lines.get(1), "rssKb"),
                field(lines.get(2), "threads") - field(lines.get(1), "threads"));
    }

    private static long field(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) {
                return Long.parseLong(part.substring(name.length() + 1));
            }
        }
        throw new IllegalStateException("no " + name + " in " + line);
    }
}
