package org.postpatch.result;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.postpatch.api.ProbeStatus;
import org.postpatch.config.Durations;

/**
 * One time a probe was run within a run, when it was run more than once: measured again warm, or
 * run again to confirm a failure. The first sample is the first run.
 *
 * @param time    the last attempt's time: the latency that drift is judged on
 * @param late    whether it failed only because the answer came too late (a timeout, a {@code within})
 */
public record Sample(Instant startedAt, ProbeStatus status, Duration time, String message, boolean late) {

    public Sample {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(time, "time");
        message = message == null ? "" : message;
    }

    /** The sample a probe result stands for. */
    public static Sample of(ProbeResult result) {
        return new Sample(result.startedAt(), result.status(), result.lastAttempt(), result.passed() ? "" : result.message(),
                result.late());
    }

    public boolean passed() {
        return status == ProbeStatus.PASSED;
    }

    /** Samples on one line: "FAILED 1.5s (took 1500ms, over the 1s budget), PASSED 12ms". */
    public static String describe(List<Sample> samples) {
        List<String> shown = new ArrayList<>();
        for (Sample sample : samples) {
            shown.add(sample.status() + " " + Durations.format(sample.time())
                    + (sample.message().isEmpty() || sample.passed() ? "" : " (" + sample.message() + ")"));
        }
        return String.join(", ", shown);
    }
}
