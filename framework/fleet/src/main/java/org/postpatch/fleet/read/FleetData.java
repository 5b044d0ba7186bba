package org.postpatch.fleet.read;

import java.util.List;
import java.util.Map;
import org.postpatch.result.Fingerprint;

/**
 * What the fleet view reads from the ledger for a period: each target's runs, the fingerprints the
 * view needs (by digest: those on either side of a change, and each target's current one), and
 * the probes that did not pass or regressed (by {@link RunRow#key()}).
 */
public record FleetData(Period period, List<TargetRuns> targets, Map<String, Fingerprint> fingerprints,
                        Map<String, List<ProbeMark>> marks) {

    public FleetData {
        targets = List.copyOf(targets);
        fingerprints = Map.copyOf(fingerprints);
        marks = Map.copyOf(marks);
    }

    public List<ProbeMark> marks(RunRow run) {
        return marks.getOrDefault(run.key(), List.of());
    }
}
