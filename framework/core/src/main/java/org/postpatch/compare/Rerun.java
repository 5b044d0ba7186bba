package org.postpatch.compare;

import java.time.Duration;
import java.util.List;
import org.postpatch.model.Suite;
import org.postpatch.result.RunResult;

/** Runs some probes again, quietly, as a run of their own: how {@link Recheck} measures again. */
@FunctionalInterface
public interface Rerun {

    /**
     * Runs the suites (already reduced to the probes to run again and those they need).
     *
     * @param timeout the time left of the run's deadline, or null when it has none
     */
    RunResult run(List<Suite> suites, Duration timeout);
}
