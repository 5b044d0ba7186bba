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

    /** The probes that flaked at least once in {@code runs}, most often first. */
    public static List<FlakeRate> of(List<LedgerRun> runs) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        for (LedgerRun run : runs) {
            for (LedgerProbe probe : run.probes()) {
                String key = run.suite() + "\u0000" + run.target() + "\u0000" + probe.id();
                names.putIfAbsent(key, new String[] {run.suite(), run.target(), probe.id()});
                int[] count = counts.computeIfAbsent(key, k -> new int[2]);
                count[0] += probe.flaked() ? 1 : 0;
                count[1]++;
            }
        }
        List<FlakeRate> rates = new ArrayList<>();
        counts.forEach((key, count) -> {
            if (count[0] > 0) {
                String[] name = names.get(key);
                rates.add(new FlakeRate(name[0], name[1], name[2], count[0], count[1]));
            }
        });
        rates.sort(Comparator.comparingDouble(FlakeRate::rate).reversed().thenComparing(FlakeRate::probe));
        return rates;
    }
}
