package org.postpatch.ledger;

import org.postpatch.api.ProbeStatus;
import org.postpatch.compare.Change;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The natural spread of each probe's latency on one target, from the warm samples the ledger holds:
 * what a baseline and a self-test record (each judged on its warm sample). It widens the tolerance a
 * verify judges SLOWER by — never narrows it — so that a probe whose time naturally varies is not
 * SLOWER for landing where it usually lands.
 */
public final class LatencyHistory {

    /** Fewer earlier samples than this say nothing about a spread. */
    public static final int MINIMUM_SAMPLES = 5;

    /** How many of the latest samples count: the spread of this month, not of last year. */
    public static final int LATEST = 20;

    /** Runs whose recorded time is a warm sample; a verify's is its first unless it looked slower. */
    private static final Set<RunKind> WARM = Set.of(RunKind.BASELINE, RunKind.SELFTEST);

    private LatencyHistory() {
    }

    /**
     * The slowest usual time of each probe, by {@code suite/id}: the 90th percentile of its latest
     * passing warm samples, for probes with at least {@value #MINIMUM_SAMPLES} of them. Samples judged
     * SLOWER are not usual and are left out.
     *
     * @param newestFirst runs of one target, as {@link Ledger#history} returns them
     */
    public static Map<String, Duration> usualSlowest(List<LedgerRun> newestFirst) {
        Map<String, List<Long>> samples = new HashMap<>();
        for (LedgerRun run : newestFirst) {
            if (!WARM.contains(run.kind()) || run.interrupted() || run.timedOut()) {
                continue;
            }
            for (LedgerProbe probe : run.probes()) {
                List<Long> times = samples.computeIfAbsent(run.suite() + "/" + probe.id(), k -> new ArrayList<>());
                if (probe.is(ProbeStatus.PASSED) && !probe.is(Change.SLOWER) && times.size() < LATEST) {
                    times.add(probe.lastAttemptMs());
                }
            }
        }
        Map<String, Duration> usual = new HashMap<>();
        samples.forEach((key, times) -> {
            if (times.size() >= MINIMUM_SAMPLES) {
                List<Long> sorted = new ArrayList<>(times);
                sorted.sort(Comparator.naturalOrder());
                usual.put(key, Duration.ofMillis(sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1)));
            }
        });
        return usual;
    }
}
