package org.postpatch.embedded;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.postpatch.compare.Baseline;
import org.postpatch.compare.Criteria;
import org.postpatch.compare.Plan;
import org.postpatch.compare.Recheck;
import org.postpatch.compare.Rerun;
import org.postpatch.engine.Snapshots;
import org.postpatch.ledger.Baselines;
import org.postpatch.ledger.LatencyHistory;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.LedgerException;
import org.postpatch.ledger.LedgerRun;
import org.postpatch.model.Suite;
import org.postpatch.result.Fingerprint;
import org.postpatch.result.RunResult;

/**
 * How an embedded self-test judges its runs: against the last run on the previous fingerprint (the
 * automatic baseline), after checking the run again as a verify does — failures run again, probes
 * that look slower measured again — and measuring slow first samples warm, since any run may be
 * the baseline of the next patch.
 */
final class AutomaticBaseline {

    private static final System.Logger LOG = System.getLogger("org.postpatch");

    /** How far back the ledger is searched for the last run on another fingerprint. */
    private static final int BASELINE_SEARCH = 200;

    /** How many earlier runs are read for the usual spread of each probe's time. */
    private static final int HISTORY = 60;

    private final SelfTestConfig config;
    private final Supplier<Ledger> ledger;
    private final Consumer<String> warn;

    /**
     * Per suite and fingerprint: the last run on another fingerprint, once found (an embedded
     * application's fingerprint is fixed; a stand-alone server's target may be patched meanwhile).
     */
    private final Map<String, String> baselines = new ConcurrentHashMap<>();

    AutomaticBaseline(SelfTestConfig config, Supplier<Ledger> ledger, Consumer<String> warn) {
        this.config = config;
        this.ledger = ledger;
        this.warn = warn;
    }

    /**
     * The last run on another fingerprint: what every run on this fingerprint is compared with — the
     * first one after a patch and the scheduled or requested ones after it alike. Null when none.
     */
    String runIdFor(Suite suite, Fingerprint fingerprint) {
        String key = suite.name() + "@" + fingerprint.digest();
        String known = baselines.get(key);
        if (known != null) {
            return known;
        }
        try {
            for (LedgerRun run : ledger.get().history(suite.name(), config.target(), BASELINE_SEARCH)) {
                if (!run.fingerprint().digest().equals(fingerprint.digest())) {
                    baselines.put(key, run.runId());
                    return run.runId();
                }
            }
            return null;
        } catch (LedgerException unavailable) {
            return null;
        }
    }

    /**
     * What the run's probes do with snapshots: every run records them (it may be the baseline of the
     * next patch), and compares with those the baseline run (null: none) recorded.
     */
    Snapshots snapshots(String baselineRunId) {
        if (baselineRunId == null) {
            return Snapshots.recording();
        }
        try {
            return Baselines.snapshots(ledger.get(), ledger.get().run(baselineRunId), Snapshots.recording());
        } catch (LedgerException unreadable) {
            warn.accept("the snapshots of the baseline run " + baselineRunId + " could not be read: "
                    + unreadable.getMessage());
            return Snapshots.recording();
        }
    }

    /**
     * The run checked again and judged against the baseline run (null: none); each probe's change
     * goes into the report and the ledger.
     */
    Recheck.Rechecked judge(String baselineRunId, List<Suite> suites, RunResult result, Rerun rerun) {
        Baseline baseline = null;
        Map<String, Duration> usualSlowest = new HashMap<>();
        if (baselineRunId != null) {
            try {
                List<LedgerRun> recorded = ledger.get().run(baselineRunId);
                baseline = recorded.isEmpty() ? null : Baselines.of(recorded);
                for (Suite suite : suites) {
                    usualSlowest.putAll(LatencyHistory.usualSlowest(ledger.get().history(suite.name(), config.target(),
                            HISTORY)));
                }
            } catch (LedgerException unreadable) {
                warn.accept("the baseline run " + baselineRunId + " could not be read: " + unreadable.getMessage());
            }
        }
        Criteria criteria = Criteria.of(suites).usualSlowest(usualSlowest).targetStart(config.targetStart().get());
        Recheck.Rechecked checked = Recheck.of(baseline, result, suites, Plan.of(criteria, true, result.startedAt(), null),
                rerun);
        checked.notes().forEach(note -> LOG.log(System.Logger.Level.INFO, "postpatch: " + note));
        return checked;
    }
}
