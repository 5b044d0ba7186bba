package org.postpatch.ledger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where runs are recorded. Implementations are safe for several threads and several processes
 * writing at once (nothing recorded is lost).
 */
public interface Ledger extends AutoCloseable {

    /** Where this ledger is, for messages (never with a password). */
    String describe();

    /**
     * Records the suites of one run, with the JSON report of the whole run. Once this returns, the
     * run can be read back from the ledger (for a file: it reached the file).
     *
     * @throws LedgerException when the run could not be recorded, saying why
     */
    void record(List<LedgerRun> runs, String reportJson);

    /**
     * Records as {@link #record(List, String)}, asking for the report only when it is to be written:
     * a ledger may write the run's rows first, while the caller is still rendering the report.
     *
     * @throws LedgerException when the run could not be recorded, saying why
     */
    default void record(List<LedgerRun> runs, Supplier<String> reportJson) {
        record(runs, reportJson.get());
    }

    /** The recorded suites of a run, in recording order; empty when unknown. */
    List<LedgerRun> run(String runId);

    /** The JSON report recorded with a run. */
    Optional<String> report(String runId);

    /**
     * The snapshots a run recorded for the probes of a suite (what they observed, for later runs to
     * compare with), by probe id; empty when none.
     */
    Map<String, String> snapshots(String runId, String suite);

    /** The latest run of a suite on a target, among runs of the given kinds (all kinds if empty). */
    Optional<LedgerRun> latest(String suite, String target, Set<RunKind> kinds);

    /** Recent runs, newest first; {@code suite} and {@code target} filter when not null. */
    List<LedgerRun> history(String suite, String target, int limit);

    /** Marks a run as rolled back (its patch was undone); false when no such run. */
    boolean markRolledBack(String runId);

    @Override
    void close();
}
