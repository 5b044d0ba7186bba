package org.postpatch.compare;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.postpatch.api.ProbeStatus;
import org.postpatch.model.LatencyTolerance;
import org.postpatch.model.Suite;
import org.postpatch.model.Suites;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;

/**
 * Checks a run again before its result is believed. A single run of a probe is one sample, and
 * one sample lies: the first requests after a restart are slow, a request can fail once for no
 * reason that matters. So, with the probes they need:
 * <ul>
 *   <li>a probe that passed in the baseline and fails now is run again after a short settle — a
 *       failure that does not reproduce is FLAKY, one that does is REGRESSED; right after the target
 *       started, a timeout or {@code within} miss that passes once the target is warm is judged on
 *       its warm sample;</li>
 *   <li>a probe that looks SLOWER is measured again, up to twice, and judged on its fastest sample;</li>
 *   <li>for a run that will serve as a baseline ({@link Plan#warm()}), a passing probe whose first
 *       sample could inflate its tolerance is measured again warm, and failures are confirmed too:
 *       a flake recorded as a failure would hide the regression that follows.</li>
 * </ul>
 * A run again in which a probe could not run — a probe it needs failed this time — is no evidence
 * either way: that probe is run again in the next round; so is, right after the target started, a
 * late miss that was late again (the target may not be warm yet). Nothing runs again past the run's deadline.
 * Every sample is kept on the probe's result.
 */
public final class Recheck {

    /**
     * Rounds of running again, at most: a failure first seen in round 1 (it was blocked before) is
     * confirmed in round 2; a round in which a probe it needs failed again, or (right after the
     * target started) in which it was late again, leaves it for the next.
     */
    private static final int ROUNDS = 4;

    /** How many times a probe that looks slower is measured again, at most. */
    private static final int MEASUREMENTS = 2;

    /** Less time than this left before the deadline is not worth starting a run for. */
    private static final Duration TOO_LITTLE = Duration.ofMillis(200);

    private Recheck() {
    }

    /**
     * The run checked again, judged against its baseline when there is one.
     *
     * @param notes what was run again and what it showed, for the operator
     */
    public record Rechecked(RunResult result, Comparison comparison, List<String> notes) {
        public Rechecked {
            notes = List.copyOf(notes);
        }
    }

    /**
     * Checks {@code first} again as {@code plan} says and judges it against {@code baseline}
     * (null: nothing to judge against, as for a baseline itself). A run that was interrupted or ran
     * out of time is judged as it is: nothing more runs for it.
     */
    public static Rechecked of(Baseline baseline, RunResult first, List<Suite> suites, Plan plan, Rerun rerun) {
        if (first.interrupted() || first.timedOut()) {
            return new Rechecked(first, baseline == null ? null : Judge.compare(baseline, first, plan.criteria()), List.of());
        }
        long start = System.nanoTime();
        boolean fresh = plan.criteria().targetStart().fresh(first.startedAt());
        RunResult run = first;
        Set<String> confirmed = new HashSet<>();
        Set<String> settled = new HashSet<>();
        Set<String> measured = new LinkedHashSet<>();
        Map<String, Integer> measurements = new HashMap<>();
        Set<String> warmed = new HashSet<>();
        Set<String> stillCold = null;
        String cutShort = null;
        for (int round = 1; round <= ROUNDS && !run.interrupted(); round++) {
            Comparison comparison = baseline == null ? null : Judge.compare(baseline, run, plan.criteria());
            Set<String> confirm = toConfirm(run, comparison, settled);
            Set<String> slower = slower(comparison);
            slower.removeIf(key -> measurements.getOrDefault(key, 0) >= MEASUREMENTS);
            if (stillCold == null) {
                stillCold = plan.warm() ? worthWarming(run, plan.criteria(), slower) : new HashSet<>();
            }
            Set<String> warm = new LinkedHashSet<>(stillCold);
            warm.removeAll(slower);
            if (confirm.isEmpty() && slower.isEmpty() && warm.isEmpty()) {
                break;
            }
            Duration pause = confirm.isEmpty() ? Duration.ZERO : plan.settle();
            Duration left = plan.timeLeft();
            if (left != null && left.compareTo(pause.plus(TOO_LITTLE)) < 0) {
                cutShort = "the run's deadline (--timeout) left no time to run probes again";
                break;
            }
            if (!settle(pause)) {
                run = run.markedInterrupted();
                break;
            }
            Set<String> keys = new HashSet<>(confirm);
            keys.addAll(slower);
            keys.addAll(warm);
            RunResult again = rerun.run(Suites.reduced(suites, (suite, probe) -> keys.contains(suite.name() + "/" + probe.id())),
                    left == null ? null : left.minus(pause));
            Set<String> remeasure = new HashSet<>(slower);
            remeasure.addAll(warm);
            // A failure that ran again is settled; a probe blocked before may fail now for the first
            // time, and is confirmed in the next round. A probe that could not run this time (a probe
            // it needs failed) gave no evidence: it is tried again in the next round. Right after the
            // target started, a late miss that was late again may only mean the target is not warm
            // yet: it is measured again in the next round too, and judged late only if late every time.
            Set<String> ran = ran(again);
            Set<String> lateAgain = fresh ? lateAgain(again) : Set.of();
            run.probes().stream().filter(p -> confirm.contains(p.key()) && p.status() == ProbeStatus.FAILED
                    && ran.contains(p.key()) && !(p.late() && lateAgain.contains(p.key())))
                    .forEach(p -> settled.add(p.key()));
            slower.stream().filter(ran::contains).forEach(key -> measurements.merge(key, 1, Integer::sum));
            stillCold.removeIf(ran::contains);
            run = Samples.merge(run, again, confirm, remeasure, fresh);
            confirmed.addAll(confirm);
            measured.addAll(slower);
            warmed.addAll(warm);
            if (again.interrupted()) {
                run = run.markedInterrupted();
            } else if (again.timedOut()) {
                cutShort = "the run's deadline (--timeout) expired while probes ran again";
                break;
            }
        }
        Comparison comparison = baseline == null ? null : Judge.compare(baseline, run, plan.criteria());
        List<String> notes = RecheckNotes.of(run, comparison, confirmed, measured, warmed, plan.settle(),
                Duration.ofNanos(System.nanoTime() - start), cutShort);
        return new Rechecked(confirmed.isEmpty() && measured.isEmpty() && warmed.isEmpty() ? run : run.lastingUntilNow(),
                comparison, notes);
    }

    /**
     * Failures to run again: single-attempt failures not yet settled (REGRESSED ones when judged
     * against a baseline), and the probes they blocked. A probe that already failed every attempt of
     * its retry policy has confirmed itself.
     */
    private static Set<String> toConfirm(RunResult run, Comparison comparison, Set<String> settled) {
        Set<String> failures = new LinkedHashSet<>();
        for (ProbeResult probe : run.probes()) {
            if (probe.status() == ProbeStatus.FAILED && probe.attempts() <= 1 && !settled.contains(probe.key())
                    && changeIs(comparison, probe, Change.REGRESSED)) {
                failures.add(probe.key());
            }
        }
        Set<String> confirm = new LinkedHashSet<>(failures);
        for (ProbeResult probe : run.probes()) {
            if (probe.status() == ProbeStatus.BLOCKED && changeIs(comparison, probe, Change.BLOCKED)
                    && probe.blockedBy().stream().anyMatch(root -> failures.contains(probe.suite() + "/" + root))) {
                confirm.add(probe.key());
            }
        }
        return confirm;
    }

    /** The probes that really ran in a run again: neither blocked by a probe they need nor skipped. */
    private static Set<String> ran(RunResult again) {
        Set<String> ran = new HashSet<>();
        again.probes().stream().filter(p -> p.status() == ProbeStatus.PASSED || p.status() == ProbeStatus.FAILED)
                .forEach(p -> ran.add(p.key()));
        return ran;
    }

    /** The probes that failed again in a run again only because they were late. */
    private static Set<String> lateAgain(RunResult again) {
        Set<String> late = new HashSet<>();
        again.probes().stream().filter(p -> p.status() == ProbeStatus.FAILED && p.late()).forEach(p -> late.add(p.key()));
        return late;
    }

    private static boolean changeIs(Comparison comparison, ProbeResult probe, Change change) {
        return comparison == null || comparison.of(probe.suite(), probe.id()).map(p -> p.change() == change).orElse(false);
    }

    private static Set<String> slower(Comparison comparison) {
        Set<String> slower = new LinkedHashSet<>();
        if (comparison != null) {
            comparison.probes().stream().filter(p -> p.change() == Change.SLOWER).forEach(p -> slower.add(p.suite() + "/" + p.id()));
        }
        return slower;
    }

    /**
     * Passing probes whose first sample is large enough that a cold start could inflate the
     * tolerance it gives: when ratio × sample is over half the margin (over 62 ms by default).
     * Below that the margin dominates and a warm sample could not move the tolerance by much, so
     * the target is spared the request and the baseline the time.
     */
    private static Set<String> worthWarming(RunResult run, Criteria criteria, Set<String> already) {
        Set<String> worth = new LinkedHashSet<>();
        for (ProbeResult probe : run.probes()) {
            LatencyTolerance tolerance = criteria.tolerance(probe.key());
            if (probe.passed() && tolerance.enabled() && !already.contains(probe.key())
                    && probe.lastAttempt().toNanos() * tolerance.ratio() > tolerance.margin().toNanos() / 2.0) {
                worth.add(probe.key());
            }
        }
        return worth;
    }

    /** Leaves the target alone for a moment; false when interrupted meanwhile. */
    private static boolean settle(Duration pause) {
        if (pause.isZero()) {
            return true;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(pause.toNanos());
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
