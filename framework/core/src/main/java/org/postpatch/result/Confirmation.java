package org.postpatch.result;

/**
 * What running a failed probe again showed. A failure is run again before it is believed: a
 * one-off is not a regression, and neither is a target that was still warming up.
 */
public enum Confirmation {
    /** Not run again to confirm a failure (it passed, or nothing was asked). */
    NONE,
    /** Failed, and failed again when run again: the failure is real. */
    REPRODUCED,
    /** Failed, then passed when run again: a flake. */
    FLAKED,
    /** Missed its time (timeout or {@code within}) right after the target started, then passed once warm. */
    WARMED_UP
}
