package org.postpatch.benchmarks.gauntlet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Samples the machine's 1-minute load average (/proc/loadavg) every 2 s while it is open. */
final class LoadAverage implements AutoCloseable {

    private final List<Double> samples = new ArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "load-average");
        thread.setDaemon(true);
        return thread;
    });

    LoadAverage() {
        sampler.scheduleAtFixedRate(() -> {
            double now = now();
            synchronized (samples) {
                samples.add(now);
            }
        }, 0, 2, TimeUnit.SECONDS);
    }

    /** The 1-minute load average now ("/proc/loadavg"'s first figure), or NaN where there is none. */
    static double now() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException unreadable) {
            return Double.NaN;
        }
    }

    /** "min 4.1, mean 6.3, max 9.0 (n=120)". */
    String describe() {
        DoubleSummaryStatistics stats;
        synchronized (samples) {
            stats = samples.stream().mapToDouble(Double::doubleValue).summaryStatistics();
        }
        if (stats.getCount() == 0) {
            return "not measured";
        }
        return String.format(Locale.ROOT, "min %.1f, mean %.1f, max %.1f (1-minute load average every 2 s, n=%d)",
                stats.getMin(), stats.getAverage(), stats.getMax(), stats.getCount());
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
