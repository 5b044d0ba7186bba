package org.postpatch.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** What happened to one probe in one run. */
@API(status = STABLE, since = "0.1")
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
