package org.postpatch.compare;

/** How a probe compares with the baseline run (usually the run just before the patch). */
public enum Change {
    /** Passed before, does not pass now, and failed again when run again: what the patch broke. */
    REGRESSED,
    /** Passed before, could not run now because a probe it needs does not pass: counted under its root cause. */
    BLOCKED,
    /** Passed before, failed once now, passed when run again: a one-off, reported but not blamed on the patch. */
    FLAKY,
    /** Did not pass before and does not pass now: reported, not blamed on the patch. */
    STILL_FAILING,
    /** Did not pass before, passes now. */
    FIXED,
    /** Not in the baseline. */
    NEW,
    /** In the baseline, not in this run. */
    REMOVED,
    /** Passes, but beyond its latency tolerance of the baseline time. */
    SLOWER,
    /** As before. */
    SAME
}
