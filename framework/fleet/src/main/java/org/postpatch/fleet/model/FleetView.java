package org.postpatch.fleet.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.postpatch.fleet.read.FleetData;
import org.postpatch.fleet.read.Period;
import org.postpatch.fleet.read.TargetRuns;

/**
 * The fleet over a period, as the command line and the dashboard show it: one row per suite and
 * target, the changes (likely causes first), and the raw figures.
 */
public record FleetView(Period period, List<TargetTimeline> targets, List<ChangeReport> changes, Figures figures) {

    public FleetView {
        targets = List.copyOf(targets);
        changes = List.copyOf(changes);
    }

    /** The view of what was read. */
    public static FleetView of(FleetData data) {
        Diffs diffs = new Diffs(data.fingerprints());
        List<TargetTimeline> targets = new ArrayList<>();
        for (TargetRuns runs : data.targets()) {
            targets.add(TargetTimeline.of(runs, data.fingerprints(), data.marks(), diffs));
        }
        targets.sort(Comparator.comparing(TargetTimeline::suite).thenComparing(TargetTimeline::target));
        List<ChangeReport> changes = Changes.of(targets);
        return new FleetView(data.period(), targets, changes, Figures.of(targets, changes, data.period()));
    }

    /** How many targets are in each state (every state present, in declaration order). */
    public Map<TargetState, Long> counts() {
        Map<TargetState, Long> counts = new EnumMap<>(TargetState.class);
        for (TargetState state : TargetState.values()) {
            counts.put(state, 0L);
        }
        targets.forEach(target -> counts.merge(target.state(), 1L, Long::sum));
        return counts;
    }

    /** Whether a target is red now: the command's exit code 1. */
    public boolean anyFailing() {
        return targets.stream().anyMatch(target -> target.state() == TargetState.FAILING);
    }
}
