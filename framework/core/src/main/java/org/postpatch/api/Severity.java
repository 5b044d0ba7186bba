package org.postpatch.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** How much a failing probe matters: a critical failure fails the run, a warning only warns. */
@API(status = STABLE, since = "0.1")
public enum Severity {
    CRITICAL,
    WARNING
}
