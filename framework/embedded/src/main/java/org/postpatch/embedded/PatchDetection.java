package org.postpatch.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.postpatch.endpoint.LastRun;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.LedgerException;
import org.postpatch.ledger.LedgerRun;
import org.postpatch.model.Suite;
import org.postpatch.report.JsonText;
import org.postpatch.result.Fingerprint;

/**
 * Whether a self-test that starts must run: when the target's fingerprint differs from that of the
 * last run of a suite recorded on it, or there is none, or it was cut short. When every suite's last
 * run was on this very fingerprint, that run's result is what the endpoint serves until the next run.
 */
final class PatchDetection {

    private final Ledger ledger;
    private final String target;
    private final Consumer<String> warn;

    PatchDetection(Ledger ledger, String target, Consumer<String> warn) {
        this.ledger = ledger;
        this.target = target;
        this.warn = warn;
    }

    /**
     * Why this start needs a run ("no run recorded yet", "the fingerprint changed: ..."), or empty
     * when every suite's last run was on {@code fingerprint}; each such run's result goes to
     * {@code recorded}.
     */
    Optional<String> reasonToRun(List<Suite> suites, Fingerprint fingerprint, Consumer<LastRun> recorded) {
        for (Suite suite : suites) {
            Optional<LedgerRun> latest;
            try {
                latest = ledger.latest(suite.name(), target, Set.of());
            } catch (LedgerException unavailable) {
                return Optional.of("no ledger to compare with");
            }
            if (latest.isEmpty()) {
                return Optional.of("no run of suite " + suite.name() + " recorded on " + target + " yet");
            }
            if (latest.get().interrupted() || latest.get().timedOut()) {
                return Optional.of("the last run of suite " + suite.name() + " (" + latest.get().runId() + ") was cut short");
            }
            if (!latest.get().fingerprint().digest().equals(fingerprint.digest())) {
                return Optional.of("the fingerprint changed since run " + latest.get().runId() + ": "
                        + fingerprint.changesSince(latest.get().fingerprint()));
            }
            try {
                report(ledger, latest.get().runId()).map(LastRun::of).ifPresent(recorded);
            } catch (LedgerException | IllegalArgumentException unreadable) {
                warn.accept("the last result could not be read from the ledger: " + unreadable.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The JSON document of a recorded run, if the ledger has it. */
    static Optional<JsonNode> report(Ledger ledger, String runId) {
        return ledger.report(runId).map(PatchDetection::parse);
    }

    private static JsonNode parse(String json) {
        try {
            return JsonText.parse(json);
        } catch (IOException e) {
            throw new LedgerException("a recorded report is not valid JSON: " + e.getMessage(), e);
        }
    }
}
