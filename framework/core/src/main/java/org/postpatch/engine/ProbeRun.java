package org.postpatch.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.postpatch.api.Outcome;
import org.postpatch.api.ProbeStatus;
import org.postpatch.config.Durations;
import org.postpatch.config.ProbeBinder;
import org.postpatch.model.ProbeDefinition;
import org.postpatch.model.Suite;
import org.postpatch.result.ProbeResult;
import org.postpatch.spi.Check;

/**
 * One probe in one run: resolves its variables, binds its kind, then runs attempts, abandoned
 * exactly on time when they hang, and retries (with Awaitility) while the retry policy allows. A
 * probe that does not retry runs its one attempt on its own thread, watched for its timeout by the
 * run's watchdog; the attempts of a probe that retries run each on a thread of its own, so that one
 * that ignores its interruption cannot hold up the next. Ends by handing a {@link ProbeResult} to
 * the scheduler, exactly once, even when the scheduler (or the watchdog) abandons it first.
 */
final class ProbeRun implements Runnable {

    private final Suite suite;
    private final ProbeDefinition probe;
    private final ProbeBinder binder;
    private final Map<String, String> captures;
    private final Deadline runDeadline;
    private final ExecutionSettings settings;
    private final RunControl control;
    private final SharedResources shared;
    private final RunThreads threads;
    private final Consumer<ProbeRun> whenDone;

    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicInteger attempts = new AtomicInteger();
    private final Instant startedAt = Instant.now();
    private final ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
    private final long startNanos = System.nanoTime();
    private volatile AttemptContext currentContext;
    private volatile Future<Outcome> currentAttempt;
    private volatile OwnThreadAttempt currentOwnThreadAttempt;
    private volatile long lastAttemptNanos;
    private volatile ProbeResult result;
    private volatile Map<String, String> capturedValues = Map.of();

    ProbeRun(Suite suite, ProbeDefinition probe, ProbeBinder binder, Map<String, String> captures, Deadline runDeadline,
             ExecutionSettings settings, RunControl control, SharedResources shared, RunThreads threads,
             Consumer<ProbeRun> whenDone) {
        this.suite = suite;
        this.probe = probe;
        this.binder = binder;
        this.captures = captures;
        this.runDeadline = runDeadline;
        this.settings = settings;
        this.control = control;
        this.shared = shared;
        this.threads = threads;
        this.whenDone = whenDone;
    }

    ProbeDefinition probe() {
        return probe;
    }

    ProbeResult result() {
        return result;
    }

    /** Values this probe captured for the probes that need it (empty unless it passed). */
    Map<String, String> capturedValues() {
        return capturedValues;
    }

    @Override
    public void run() {
        Outcome outcome;
        try {
            outcome = runAttempts();
        } catch (Throwable unexpected) { // anything at all: a probe never leaves the run waiting
            outcome = Outcome.failed(Failures.describe(unexpected));
        }
        finish(outcome);
    }

    /**
     * Gives up on this probe now: the running attempt is interrupted and its cancel actions run
     * (killing a command's process tree). The result is FAILED with {@code reason}.
     */
    void abandon(String reason) {
        // Claim the result first, so that the attempt's own reaction to being cancelled cannot win.
        finish(Outcome.failed(reason));
        AttemptContext context = currentContext;
        Future<Outcome> attempt = currentAttempt;
        OwnThreadAttempt ownThread = currentOwnThreadAttempt;
        if (context != null) {
            context.cancel();
        }
        if (attempt != null) {
            attempt.cancel(true);
        }
        if (ownThread != null) {
            ownThread.stop();
        }
    }

    private Outcome runAttempts() {
        Check check;
        try {
            // Bound again now that the values captured by the probes it needs are known.
            check = binder.bind(probe, captures);
        } catch (IllegalArgumentException | IllegalStateException invalid) {
            return Outcome.failed(invalid.getMessage());
        }
        return sampledTwice(check, attempts(check));
    }

    /** The outcome of the attempts the retry policy allows. */
    private Outcome attempts(Check check) {
        if (!probe.retry().retries()) {
            return attempt(check, true);
        }
        Duration until = runDeadline.cap(probe.retry().until());
        AtomicReference<Outcome> last = new AtomicReference<>();
        try {
            Awaitility.with()
                    .dontCatchUncaughtExceptions()
                    .pollInSameThread()
                    .pollDelay(Duration.ZERO)
                    .pollInterval(probe.retry().every())
                    .atMost(until.isZero() ? Duration.ofMillis(1) : until)
                    .until(() -> {
                        Outcome outcome = attempt(check, false);
                        last.set(outcome);
                        return outcome.status() != ProbeStatus.FAILED || finished.get();
                    });
        } catch (ConditionTimeoutException gaveUp) {
            // The last attempt's outcome says why.
        } catch (RuntimeException interrupted) {
            if (last.get() == null) {
                return Outcome.failed("interrupted");
            }
        }
        Outcome outcome = last.get();
        if (outcome == null) {
            return attempt(check, false);
        }
        if (outcome.status() == ProbeStatus.FAILED && attempts.get() > 1) {
            return outcome.withMessage(outcome.message() + " (" + attempts.get() + " attempts over "
                    + Durations.format(Duration.ofNanos(System.nanoTime() - startNanos)) + ")");
        }
        return outcome;
    }

    /**
     * For a run that records snapshots, a passing outcome with a snapshot is sampled once more, right
     * away, and the check folds the two ({@link Check#sampledTwice}): what differs between them is
     * noise. The second sample is neither an attempt nor timed. Other runs keep no snapshot.
     */
    private Outcome sampledTwice(Check check, Outcome first) {
        if (first.snapshot().isEmpty()) {
            return first;
        }
        if (!control.snapshots().record() || !first.isPassed() || finished.get()) {
            return first.withSnapshot(null);
        }
        Duration budget = runDeadline.cap(probe.timeout());
        Outcome second = budget.isZero() ? Outcome.failed("not started: the run's timeout expired")
                : execute(check, Math.max(1, attempts.get()), budget);
        try {
            Outcome folded = check.sampledTwice(first, second);
            int size = folded.snapshot().map(String::length).orElse(0);
            return size <= Snapshots.MAX_CHARS ? folded : folded.withSnapshot(null).withMessage(folded.message()
                    + "; snapshot not recorded: " + size + " characters, over the limit of " + Snapshots.MAX_CHARS);
        } catch (RuntimeException unusable) {
            return first.withSnapshot(null).withMessage(first.message() + "; snapshot not recorded: "
                    + Failures.describe(unusable));
        }
    }

    /** @param onOwnThread run it on this (the probe's) thread, watched for its timeout, rather than on one of its own */
    private Outcome attempt(Check check, boolean onOwnThread) {
        if (finished.get()) {
            return Outcome.failed("abandoned");
        }
        Duration budget = runDeadline.cap(probe.timeout());
        if (budget.isZero()) {
            return Outcome.failed("not started: the run's timeout expired");
        }
        int number = attempts.incrementAndGet();
        long start = System.nanoTime();
        try {
            return onOwnThread ? executeOnOwnThread(check, number, budget, start) : execute(check, number, budget);
        } finally {
            lastAttemptNanos = System.nanoTime() - start;
        }
    }

    /**
     * Runs the check once on this thread; at {@code budget} the watchdog stops it (interrupts this
     * thread, runs the cancel actions) and hands the probe's result over itself, so that an attempt
     * ignoring its interruption still ends the probe on time. No thread hand-off when it is in time.
     */
    private Outcome executeOnOwnThread(Check check, int number, Duration budget, long start) {
        AttemptContext context = new AttemptContext(suite, probe, settings.target(), number, budget, captures,
                control.redactor(), shared, settings.attachments(), control.snapshots());
        currentContext = context;
        OwnThreadAttempt attempt = new OwnThreadAttempt(threads);
        currentOwnThreadAttempt = attempt;
        if (finished.get()) {
            // Abandoned between the check above and now: this attempt must not start.
            attempt.end();
            return Outcome.failed("abandoned");
        }
        Future<?> watchdog = threads.watch(() -> {
            if (attempt.stop()) {
                context.cancel();
                lastAttemptNanos = System.nanoTime() - start;
                finish(timedOut(budget));
            }
        }, budget);
        Outcome outcome;
        try {
            Thread.currentThread().setContextClassLoader(classLoader);
            outcome = check.run(context);
        } catch (Throwable thrown) { // as an attempt thread's Future would hand it over
            outcome = Outcome.failed(Failures.describe(thrown));
        } finally {
            watchdog.cancel(false);
        }
        if (!attempt.end()) {
            // Stopped first: by the watchdog (which handed this same outcome over) or by abandon().
            return timedOut(budget);
        }
        return outcome == null ? Outcome.failed("the probe returned no outcome") : outcome;
    }

    /** The outcome of an attempt that ran out of {@code budget}. */
    private Outcome timedOut(Duration budget) {
        // Its own timeout is a latency miss (measured again warm right after a restart); the
        // run's deadline is not.
        return budget.equals(probe.timeout()) ? Outcome.late("timed out after " + Durations.format(budget))
                : Outcome.failed("abandoned after " + Durations.format(budget) + ": the run's timeout expired");
    }

    /** Runs the check once on its own thread, abandoned when {@code budget} runs out. */
    private Outcome execute(Check check, int number, Duration budget) {
        AttemptContext context = new AttemptContext(suite, probe, settings.target(), number, budget, captures,
                control.redactor(), shared, settings.attachments(), control.snapshots());
        currentContext = context;
        Future<Outcome> attempt = threads.startAttempt(() -> {
            // Pooled threads keep whichever class loader created them; probes see the run's.
            Thread.currentThread().setContextClassLoader(classLoader);
            return check.run(context);
        });
        currentAttempt = attempt;
        if (finished.get()) {
            // Abandoned between the check above and now: this attempt must not run on.
            context.cancel();
            attempt.cancel(true);
        }
        try {
            Outcome outcome = attempt.get(budget.toNanos(), TimeUnit.NANOSECONDS);
            return outcome == null ? Outcome.failed("the probe returned no outcome") : outcome;
        } catch (TimeoutException late) {
            context.cancel();
            attempt.cancel(true);
            return timedOut(budget);
        } catch (ExecutionException thrown) {
            return Outcome.failed(Failures.describe(thrown.getCause()));
        } catch (CancellationException cancelled) {
            return Outcome.failed("abandoned");
        } catch (InterruptedException interrupted) {
            context.cancel();
            attempt.cancel(true);
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted");
        }
    }

    private void finish(Outcome outcome) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        try {
            if (outcome.isPassed()) {
                capturedValues = Map.copyOf(outcome.captures());
            }
            result = toResult(outcome);
        } catch (RuntimeException unusable) {
            // The result is handed over whatever the outcome holds: the scheduler waits for it.
            capturedValues = Map.of();
            result = toResult(Outcome.failed("the probe's outcome could not be used: " + Failures.describe(unusable)));
        } finally {
            whenDone.accept(this);
        }
    }

    private ProbeResult toResult(Outcome outcome) {
        Duration total = Duration.ofNanos(System.nanoTime() - startNanos);
        Duration last = lastAttemptNanos == 0 ? total : Duration.ofNanos(lastAttemptNanos);
        return ProbeResults.of(suite, probe, outcome, control, startedAt, total, last, attempts.get());
    }
}
