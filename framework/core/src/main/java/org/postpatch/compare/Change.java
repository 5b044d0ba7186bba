package org.postpatch.compare;

/** How a probe compares with the baseline run (usually the run just before the patch). */
public enum Change {
    /** Passed before, does not pass now: what the patch broke. */
    REGRESSED,
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
