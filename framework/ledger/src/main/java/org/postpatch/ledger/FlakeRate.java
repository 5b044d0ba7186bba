package org.postpatch.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How often a probe flaked on a target — failed, then passed when run again — over the runs that
 * recorded it. A probe that flakes often deserves a look before operators learn to shrug at it.
 */
public record FlakeRate(String suite, String target, String probe, int flakes, int runs) {

    public double rate() {
        return runs == 0 ? 0 : (double) flakes / runs;
    }

    /** One probe of one suite on one target. */
    private record ProbeOnTarget(String suite, String target, String probe) {
    }

    /** The probes that flaked at least once in {@code runs}, most often first. */
    public static List<FlakeRate> of(List<LedgerRun> runs) {
        Map<ProbeOnTarget, int[]> counts = new LinkedHashMap<>();
        for (LedgerRun run : runs) {
            for (LedgerProbe probe : run.probes()) {
                int[] count = counts.computeIfAbsent(new ProbeOnTarget(run.suite(), run.target(), probe.id()), k -> new int[2]);
                count[0] += probe.flaked() ? 1 : 0;
                count[1]++;
            }
        }
        List<FlakeRate> rates = new ArrayList<>();
        counts.forEach((key, count) -> {
            if (count[0] > 0) {
                rates.add(new FlakeRate(key.suite(), key.target(), key.probe(), count[0], count[1]));
            }
        });
        rates.sort(Comparator.comparingDouble(FlakeRate::rate).reversed().thenComparing(FlakeRate::probe));
        return rates;
    }
}
