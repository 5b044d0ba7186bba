package org.postpatch.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run does with snapshots (what a probe observed, kept by the ledger for later runs to
 * compare with): whether it records them — a baseline does, and so does every embedded self-test —
 * and, per suite, the baseline run it is judged against and the snapshots that run recorded.
 * Immutable; {@link #NONE} for a plain run.
 */
public final class Snapshots {

    /** A plain run: records nothing, compares with nothing. */
    public static final Snapshots NONE = new Snapshots(false, Map.of(), Map.of());

    /**
     * The most a snapshot may hold, in characters. A kind keeps its snapshots well under this (the
     * http kind records about 64 KB of a response); one over it is not recorded, so that no probe can
     * swell the ledger.
     */
    public static final int MAX_CHARS = 1 << 20;

    private final boolean record;
    private final Map<String, String> baselineRunIds;
    private final Map<String, String> recorded;

    private Snapshots(boolean record, Map<String, String> baselineRunIds, Map<String, String> recorded) {
        this.record = record;
        this.baselineRunIds = Map.copyOf(baselineRunIds);
        this.recorded = Map.copyOf(recorded);
    }

    /** A run that records snapshots, judged against no baseline yet (add one with {@link #against}). */
    public static Snapshots recording() {
        return new Snapshots(true, Map.of(), Map.of());
    }

    /**
     * The same, with the baseline run a suite is judged against and the snapshots it recorded.
     *
     * @param byProbe snapshot per probe id (probes without one are absent)
     */
    public Snapshots against(String suite, String baselineRunId, Map<String, String> byProbe) {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(baselineRunId, "baselineRunId");
        Map<String, String> runs = new HashMap<>(baselineRunIds);
        runs.put(suite, baselineRunId);
        Map<String, String> snapshots = new HashMap<>(recorded);
        byProbe.forEach((probe, snapshot) -> snapshots.put(key(suite, probe), snapshot));
        return new Snapshots(record, runs, snapshots);
    }

    /** True when the run records snapshots. */
    public boolean record() {
        return record;
    }

    /** The baseline run the suite is judged against, when known before the run. */
    public Optional<String> baselineRunId(String suite) {
        return Optional.ofNullable(baselineRunIds.get(suite));
    }

    /** The snapshot the baseline recorded for a probe; empty when none. */
    public Optional<String> of(String suite, String probeId) {
        return Optional.ofNullable(recorded.get(key(suite, probeId)));
    }

    private static String key(String suite, String probeId) {
        return suite + "\u0000" + probeId;
    }

    @Override
    public String toString() {
        return "Snapshots[record=" + record + ", baselines=" + baselineRunIds + ", recorded=" + recorded.size() + "]";
    }
}
