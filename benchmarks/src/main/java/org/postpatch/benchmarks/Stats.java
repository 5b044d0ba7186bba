package org.postpatch.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Medians and quartiles of measured times, in milliseconds. */
final class Stats {

    private final List<Double> millis = new ArrayList<>();

    void add(long nanos) {
        millis.add(nanos / 1_000_000.0);
    }

    /** A figure in another unit (MB, CPU milliseconds): printed with {@link #describe(String)}. */
    void addValue(double value) {
        millis.add(value);
    }

    double median() {
        return quantile(0.5);
    }

    double quantile(double q) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        double position = q * (sorted.size() - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return sorted.get(lower) + (sorted.get(upper) - sorted.get(lower)) * (position - lower);
    }

    /** {@code median 12.3 ms (p25 11.0, p75 14.2; n=15)}. */
    String describe() {
        return String.format(Locale.ROOT, "median %8.1f ms  (p25 %7.1f, p75 %7.1f; n=%d)", median(), quantile(0.25),
                quantile(0.75), millis.size());
    }

    /** As {@link #describe()}, in {@code unit}. */
    String describe(String unit) {
        return String.format(Locale.ROOT, "median %8.1f %s  (p25 %7.1f, p75 %7.1f; n=%d)", median(), unit, quantile(0.25),
                quantile(0.75), millis.size());
    }

    static String ratio(Stats measured, Stats baseline) {
        return String.format(Locale.ROOT, "%.2f", measured.median() / baseline.median());
    }
}
