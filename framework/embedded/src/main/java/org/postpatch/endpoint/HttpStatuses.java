package org.postpatch.endpoint;

import org.postpatch.result.Verdict;

/** The one place where a self-test status becomes an HTTP status code. */
public final class HttpStatuses {

    private HttpStatuses() {
    }

    /** 200 for PASS and WARN; 503 for FAIL, never run, or postpatch unable to self-test. */
    public static int of(SelfTestStatus status) {
        return switch (status.state()) {
            case PASS, WARN -> 200;
            case FAIL, NEVER_RUN, ERROR -> 503;
        };
    }

    /** Readiness: 503 only for a failed self-test, and only when configured to follow the verdict. */
    public static int readiness(SelfTestStatus status, boolean followsVerdict) {
        return followsVerdict && status.verdict().orElse(null) == Verdict.FAIL ? 503 : 200;
    }
}
