package org.postpatch.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Set;
import org.apiguardian.api.API;
import org.postpatch.api.Outcome;
import org.postpatch.api.ProbeContext;

/**
 * One bound, ready-to-run probe: a single attempt. Scheduling, timeouts, retries and reporting
 * are postpatch's job; a check only looks at the real state and compares it with what was declared.
 * Throwing is allowed: any exception becomes a FAILED outcome with its message.
 */
@FunctionalInterface
@API(status = EXPERIMENTAL, since = "0.1")
public interface Check {

    /** Runs one attempt. Must respond to interruption or register {@link ProbeContext#onCancel}. */
    Outcome run(ProbeContext context) throws Exception;

    /**
     * For a run that records snapshots: the outcome that stands when a passing attempt that observed a
     * snapshot was run a second time, so that what differs between the two answers (timestamps, ids,
     * nonces) can be learned as noise and left out of later comparisons. Only the first attempt's time
     * counts; the default keeps the first outcome as it is.
     *
     * @param first  the passing outcome, with its snapshot
     * @param second the outcome of running the check once more, right after
     */
    default Outcome sampledTwice(Outcome first, Outcome second) {
        return first;
    }

    /** Names of the values this check captures for the probes that need it. */
    default Set<String> captures() {
        return Set.of();
    }
}
