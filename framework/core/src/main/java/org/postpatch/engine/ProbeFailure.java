package org.postpatch.engine;

/**
 * How a failed probe is reported to JUnit: an assertion failure carrying the probe's one-line,
 * redacted reason and no stack trace (the reason says all there is to say).
 */
public final class ProbeFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    public ProbeFailure(String reason) {
        super(reason);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
