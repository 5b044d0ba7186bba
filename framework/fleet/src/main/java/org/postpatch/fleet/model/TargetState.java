package org.postpatch.fleet.model;

/** Where a suite on a target stands at the end of the period. */
public enum TargetState {
    /** Its last run did not fail and every change it took was judged. */
    OK("OK"),
    /** Its last run failed (and was not rolled back): red now. */
    FAILING("FAILING"),
    /** Its fingerprint changed and no run judged the change against a run from before it yet. */
    UNVERIFIED("UNVERIFIED"),
    /** Its last patch was rolled back (a rollback mark, or the fingerprint from before the patch came back). */
    ROLLED_BACK("ROLLED BACK");

    private final String label;

    TargetState(String label) {
        this.label = label;
    }

    /** As operators read it: "ROLLED BACK". */
    public String label() {
        return label;
    }
}
