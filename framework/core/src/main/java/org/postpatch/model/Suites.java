package org.postpatch.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/** Operations on several suites. */
public final class Suites {

    private Suites() {
    }

    /**
     * The suites reduced to the probes {@code chosen} accepts plus every probe those need (directly
     * or not), in declared order; suites left without probes are dropped.
     */
    public static List<Suite> reduced(List<Suite> suites, Predicate<ProbeDefinition> chosen) {
        return reduced(suites, (suite, probe) -> chosen.test(probe));
    }

    /** As {@link #reduced(List, Predicate)}, choosing by suite and probe. */
    public static List<Suite> reduced(List<Suite> suites, BiPredicate<Suite, ProbeDefinition> chosen) {
        List<Suite> reduced = new ArrayList<>();
        for (Suite suite : suites) {
            Set<String> keep = NeedsGraph.of(suite.probes()).withEverythingNeeded(probe -> chosen.test(suite, probe));
            List<ProbeDefinition> probes = suite.probes().stream().filter(p -> keep.contains(p.id())).toList();
            if (!probes.isEmpty()) {
                reduced.add(new Suite(suite.name(), suite.files(), suite.variables(), probes));
            }
        }
        return reduced;
    }
}
