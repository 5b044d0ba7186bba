package org.postpatch.api;

/** What happened to one probe in one run. */
public enum ProbeStatus {
    /** It ran and its expectations held. */
    PASSED,
    /** It ran (or timed out) and an expectation did not hold. */
    FAILED,
    /** It did not run because a probe it needs did not pass. */
    BLOCKED,
    /** It did not run: not selected, not applicable, or the run ended first. */
    SKIPPED
}
