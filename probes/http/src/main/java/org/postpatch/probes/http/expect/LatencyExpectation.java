package org.postpatch.probes.http.expect;

import java.time.Duration;
import org.postpatch.api.ProbeContext;
import org.postpatch.config.Durations;

/** {@code within}: the response, redirects included, arrived within a latency budget. */
public record LatencyExpectation(Duration budget) implements Expectation {

    @Override
    public void check(ReceivedResponse response, ProbeContext context, Mismatches mismatches) {
        if (response.latency().compareTo(budget) > 0) {
            mismatches.addLate("took " + response.latency().toMillis() + "ms, over the " + Durations.format(budget) + " budget"
                    + (response.cold() ? " (one of the first requests of this process, which include loading the"
                    + " HTTP client; a retry measures a warm request)" : ""));
        }
    }
}
