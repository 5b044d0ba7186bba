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

    /** Names of the values this check captures for the probes that need it. */
    default Set<String> captures() {
        return Set.of();
    }
}
