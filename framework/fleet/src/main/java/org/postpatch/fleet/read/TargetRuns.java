package org.postpatch.fleet.read;

import java.util.List;
import java.util.Optional;

/**
 * The runs of one suite on one target in a period, oldest first, and the last run before the period
 * (what the first run in the period changed from), when there is one.
 */
public record TargetRuns(String suite, String target, Optional<RunRow> before, List<RunRow> runs) {

    public TargetRuns {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a target in the period has at least one run in it");
        }
    }

    public RunRow last() {
        return runs.get(runs.size() - 1);
    }

    /** A run of this target by id, in the period or just before it. */
    public Optional<RunRow> run(String runId) {
        if (before.isPresent() && before.get().runId().equals(runId)) {
            return before;
        }
        return runs.stream().filter(run -> run.runId().equals(runId)).findFirst();
    }
}
