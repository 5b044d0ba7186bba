package org.postpatch.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postpatch.api.ProbeStatus;
import org.postpatch.result.Confirmation;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;
import org.postpatch.result.Sample;

/** Folds the results of running probes again into the run: which result stands, and every sample taken. */
final class Samples {

    private Samples() {
    }

    /**
     * {@code run} with what {@code again} showed.
     *
     * @param confirm failures (and the probes they blocked) that ran again: a failure that passes now
     *                gives way to the passing result (FLAKED, or WARMED_UP for a late miss on a
     *                {@code fresh} target); one that fails again stands, REPRODUCED; a blocked probe
     *                takes whatever it got this time
     * @param measure passing probes measured again: judged on their fastest passing sample
     */
    static RunResult merge(RunResult run, RunResult again, Set<String> confirm, Set<String> measure, boolean fresh) {
        Map<String, ProbeResult> now = new HashMap<>();
        again.probes().forEach(p -> now.put(p.key(), p));
        Map<String, ProbeResult> replaced = new HashMap<>();
        for (ProbeResult probe : run.probes()) {
            ProbeResult next = now.get(probe.key());
            if (next == null) {
                continue;
            }
            if (confirm.contains(probe.key())) {
                replaced.put(probe.key(), confirmed(probe, next, fresh, again.timedOut()));
            } else if (measure.contains(probe.key())) {
                replaced.put(probe.key(), measured(probe, next));
            }
        }
        return run.withProbes(replaced);
    }

    private static ProbeResult confirmed(ProbeResult first, ProbeResult next, boolean fresh, boolean cutShort) {
        List<Sample> samples = appended(first, next);
        if (first.status() == ProbeStatus.BLOCKED) {
            return next.withSamples(samples, Confirmation.NONE);
        }
        if (next.passed()) {
            return next.withSamples(samples, fresh && first.late() ? Confirmation.WARMED_UP : Confirmation.FLAKED);
        }
        // Blocked now by a probe it needs, or abandoned at the deadline: no evidence either way.
        boolean reproduced = next.status() == ProbeStatus.FAILED && !cutShort;
        return first.withSamples(samples, reproduced ? Confirmation.REPRODUCED : Confirmation.NONE);
    }

    private static ProbeResult measured(ProbeResult first, ProbeResult next) {
        ProbeResult result = first.withSamples(appended(first, next), first.confirmation());
        return next.passed() && next.lastAttempt().compareTo(first.lastAttempt()) < 0
                ? result.withLastAttempt(next.lastAttempt()) : result;
    }

    private static List<Sample> appended(ProbeResult first, ProbeResult next) {
        List<Sample> samples = new ArrayList<>(first.samplesOrSelf());
        samples.add(Sample.of(next));
        return samples;
    }
}
