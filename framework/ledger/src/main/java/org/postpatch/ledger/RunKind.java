package org.postpatch.ledger;

/** Why a run was made: a plain run, a pre-patch baseline, a post-patch verify, or a self-test. */
public enum RunKind {
    RUN,
    BASELINE,
    VERIFY,
    /** Run by an embedded application or by {@code postpatch serve}. */
    SELFTEST
}
