package org.postpatch.fleet.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.postpatch.fleet.read.Period;
import org.postpatch.fleet.read.RunRow;
import org.postpatch.result.Fingerprint;

/**
 * One target taking one patch: its fingerprint changed from one run to the next. Judged by the first
 * run on the new fingerprint that compared it with a run on an earlier one (a verify against its
 * baseline, or an embedded self-test against the last run before the patch).
 *
 * @param items          the fingerprint diff, as {@link Fingerprint#changesSince} has it, the most telling item first
 * @param at             when the target started running the patch (the application's start, when a
 *                       self-test knows it; else the first run on the new fingerprint)
 * @param judging        the run that judged it, or null while none did
 * @param regressed      the probes that REGRESSED in the run that judged it
 * @param rolledBackAt   when it was rolled back, or null
 * @param endedAt        when the target took its next patch (or went back), or null while it still runs it
 * @param timeToVerdict  from the patch to the verdict: from the baseline's start for a verify, from the
 *                       application's start for a self-test, else from the first run; null while unjudged
 */
public record PatchEvent(String suite, String target, String fromDigest, String toDigest,
                         List<Fingerprint.Change> items, Instant at, RunRow judging, Set<String> regressed,
                         Instant rolledBackAt, Instant endedAt, Duration timeToVerdict) {

    public PatchEvent {
        items = List.copyOf(items);
        regressed = Set.copyOf(regressed);
    }

    public Optional<RunRow> judgingRun() {
        return Optional.ofNullable(judging);
    }

    public boolean judged() {
        return judging != null;
    }

    /** Failed verification: the run that judged it failed. */
    public boolean failed() {
        return judging != null && judging.failed();
    }

    public boolean rolledBack() {
        return rolledBackAt != null;
    }

    /** The suite and target, as one key. */
    public String targetKey() {
        return suite + "\u0000" + target;
    }

    /**
     * How long, within the period, the target ran this patch while it was unverified or failed: until
     * its verdict when it passed; until it was rolled back or replaced (or the period's end) when it
     * failed or was never judged.
     */
    public Duration exposure(Period period) {
        Instant end;
        if (judged() && !failed()) {
            end = judging.finishedAt();
        } else if (rolledBackAt != null && (endedAt == null || rolledBackAt.isBefore(endedAt))) {
            end = rolledBackAt;
        } else {
            end = endedAt != null ? endedAt : period.until();
        }
        return period.overlap(at, end);
    }
}
