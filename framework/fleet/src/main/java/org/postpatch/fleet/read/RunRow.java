package org.postpatch.fleet.read;

import java.time.Duration;
import java.time.Instant;
import org.postpatch.result.Verdict;

/**
 * One suite of one recorded run, without its probes: what the fleet view needs of every run.
 * Kind and verdict stay text, so that values written by a newer postpatch are shown, not refused.
 *
 * @param baselineRunId     the run it was judged against (a verify's baseline, a self-test's last run on
 *                          the previous fingerprint), or null when it was not judged
 * @param rolledBackAt      when the rollback was recorded, or null
 * @param processStartedAt  for a self-test on start-up, when the application started; otherwise null
 */
public record RunRow(String runId, String suite, String target, String kind, Instant startedAt, Duration duration,
                     String verdict, boolean interrupted, boolean timedOut, String digest, String baselineRunId,
                     boolean rolledBack, Instant rolledBackAt, Instant processStartedAt, String appVersion) {

    /** When its verdict was known. */
    public Instant finishedAt() {
        return startedAt.plus(duration);
    }

    /** Whether it judged its fingerprint against a run on another one: it ran to the end, against a baseline. */
    public boolean judges() {
        return baselineRunId != null && !interrupted && !timedOut;
    }

    /** Whether its verdict is FAIL; a verdict this version does not know is not a failure. */
    public boolean failed() {
        return Verdict.named(verdict).orElse(null) == Verdict.FAIL;
    }

    /** The key of its probes' marks: the run and the suite. */
    public String key() {
        return runId + "\u0000" + suite;
    }
}
