package org.postpatch.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.postpatch.embedded.PostPatch;
import org.postpatch.embedded.SelfTest;
import org.postpatch.endpoint.LastRun;
import org.postpatch.endpoint.SelfTestStatus;

/**
 * The application of the idle benchmark ({@link IdleBenchmark}): a JDK HttpServer answering the
 * benchmark's JSON ({@link BenchServer}), with or without the self-test embedded.
 *
 * <p>Usage: {@code IdleApp plain|embedded|scheduled LEDGER PROBE_FILE [RUNS]}. {@code plain} and
 * {@code embedded} print {@code ready} once started (the self-test idle: its start-up read done, no run
 * in progress) and stay until their standard input ends. {@code scheduled} runs the self-test every
 * 100 ms and prints, after 10 runs, 10 + RUNS / 2 and 10 + RUNS, the heap in use after a full collection, the
 * resident set and the live threads, then exits.
 */
public final class IdleApp {

    private IdleApp() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        try (BenchServer application = new BenchServer(0)) {
            if (mode.equals("plain")) {
                readyUntilStdinEnds();
                return;
            }
            PostPatch.Builder embedded = PostPatch.embedded().probesFrom(args[2]).ledger(args[1]).target("idle-bench")
                    .appVersion("1.0").endpoint(new InetSocketAddress("127.0.0.1", 0)).variable("base", application.url())
                    .operatorOverrides(false);
            if (mode.equals("scheduled")) {
                embedded.schedule(Duration.ofMillis(100));
            }
            try (SelfTest selfTest = embedded.start()) {
                if (mode.equals("scheduled")) {
                    scheduled(selfTest, Integer.parseInt(args[3]));
                    return;
                }
                while (!idle(selfTest.status())) {
                    Thread.sleep(20);
                }
                readyUntilStdinEnds();
            }
        }
    }

    private static boolean idle(SelfTestStatus status) {
        return status.phase() == SelfTestStatus.Phase.IDLE && !status.running();
    }

    private static void readyUntilStdinEnds() throws IOException {
        System.out.println("ready");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (in.readLine() != null) {
            // The parent ends the application by closing this process's input.
        }
    }

    /** Counts the scheduled runs as they finish, and says what the process holds after 10 and after 10 + runs. */
    private static void scheduled(SelfTest selfTest, int runs) throws Exception {
        Set<String> seen = new HashSet<>();
        int[] marks = {10, 10 + runs / 2, 10 + runs};
        int next = 0;
        while (next < marks.length) {
            selfTest.lastRun().map(LastRun::runId).ifPresent(seen::add);
            if (seen.size() >= marks[next]) {
                System.out.println(footprint(seen.size()));
                System.out.flush();
                next++;
            }
            Thread.sleep(5);
        }
    }

    private static String footprint(int runs) throws IOException {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        long heap = runtime.totalMemory() - runtime.freeMemory();
        // One look at the threads for the count and the names: a run under way starts and ends threads.
        Set<Thread> live = Thread.getAllStackTraces().keySet();
        java.util.Map<String, Long> threads = live.stream().collect(java.util.stream.Collectors
                .groupingBy(thread -> thread.getName().replaceAll("\\d+", "N"), java.util.TreeMap::new,
                        java.util.stream.Collectors.counting()));
        return String.format(Locale.ROOT, "runs=%d heapAfterGcKb=%d rssKb=%d threads=%d %s", runs, heap / 1024,
                rssKb(ProcessHandle.current().pid()), live.size(), threads).replace(", ", ",");
    }

    /** The resident set of a process, from {@code /proc/PID/status}. */
    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("no VmRSS in /proc/" + pid + "/status");
    }
}
