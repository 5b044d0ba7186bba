package org.postpatch.ledger;

/** What started a run. */
public enum Trigger {
    /** An operator or a deploy script on the command line. */
    COMMAND_LINE,
    /** The application started on a changed fingerprint. */
    START,
    /** A periodic run. */
    SCHEDULE,
    /** {@code POST /selftest/runs}. */
    REQUEST
}
