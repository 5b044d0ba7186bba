package org.postpatch.endpoint;

import java.util.Optional;

/** The one place where a self-test state becomes an HTTP status code. */
public final class HttpStatuses {

    private HttpStatuses() {
    }

    /** 200 for PASS and WARN; 503 for FAIL, never run, or postpatch unable to self-test. */
    public static int of(Optional<LastRun> last, Optional<String> problem) {
        if (last.isEmpty() || problem.isPresent()) {
            return 503;
        }
        return "FAIL".equals(last.get().verdict()) ? 503 : 200;
    }

    /** Readiness: 503 only for a failed self-test, and only when configured to follow the verdict. */
    public static int readiness(Optional<LastRun> last, boolean followsVerdict) {
        return followsVerdict && last.isPresent() && "FAIL".equals(last.get().verdict()) ? 503 : 200;
    }
}
