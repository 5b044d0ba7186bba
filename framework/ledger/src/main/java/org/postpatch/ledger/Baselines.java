package org.postpatch.ledger;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postpatch.compare.Baseline;
import org.postpatch.engine.Snapshots;

/** Turns recorded runs into the {@link Baseline} a verify is judged against, and the snapshots its probes compare with. */
public final class Baselines {

    private Baselines() {
    }

    /** A baseline from recorded suites (of one run, or the latest baseline of each suite). */
    public static Baseline of(List<LedgerRun> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a baseline needs at least one recorded run");
        }
        LedgerRun first = runs.stream().min(Comparator.comparing(LedgerRun::startedAt)).orElseThrow();
        Map<String, List<Baseline.Probe>> suites = new LinkedHashMap<>();
        for (LedgerRun run : runs) {
            suites.put(run.suite(), run.probes().stream()
                    .map(p -> new Baseline.Probe(p.id(), p.status(), p.lastAttemptMs())).toList());
        }
        return new Baseline(first.runId(), first.startedAt(), first.fingerprint(), suites);
    }

    /**
     * {@code snapshots} with, for each recorded suite, the baseline run and the snapshots it recorded:
     * what the probes of a run judged against these runs compare with.
     *
     * @throws LedgerException when the snapshots cannot be read
     */
    public static Snapshots snapshots(Ledger ledger, List<LedgerRun> runs, Snapshots snapshots) {
        Snapshots against = snapshots;
        for (LedgerRun run : runs) {
            against = against.against(run.suite(), run.runId(), ledger.snapshots(run.runId(), run.suite()));
        }
        return against;
    }
}
