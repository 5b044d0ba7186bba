package org.postpatch.api;

/** How much a failing probe matters: a critical failure fails the run, a warning only warns. */
public enum Severity {
    CRITICAL,
    WARNING
}
