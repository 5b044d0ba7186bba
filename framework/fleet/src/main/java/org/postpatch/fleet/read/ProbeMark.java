package org.postpatch.fleet.read;

/**
 * A probe of a run that did not pass, or that changed for the worse against the baseline: its id,
 * its status and its change (REGRESSED, STILL_FAILING, ...; null when the run was not judged).
 */
public record ProbeMark(String probeId, String status, String change) {

    /** The only change counted as a regression: FLAKY, BLOCKED and any newer value are not. */
    public static final String REGRESSED = "REGRESSED";

    public boolean regressed() {
        return REGRESSED.equals(change);
    }

    public boolean passed() {
        return "PASSED".equals(status);
    }
}
