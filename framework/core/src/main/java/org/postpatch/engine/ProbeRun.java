package org.postpatch.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
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
import org.postpatch.config.ConfigNode;
import org.postpatch.config.Durations;
import org.postpatch.config.Problems;
import org.postpatch.config.Variables;
import org.postpatch.model.ProbeDefinition;
import org.postpatch.model.Suite;
import org.postpatch.result.ProbeResult;
import org.postpatch.spi.Check;
import org.postpatch.spi.ProbeKind;
import org.postpatch.spi.ProbeKinds;
import org.postpatch.spi.Spec;

/**
 * One probe in one run: resolves its variables, binds its kind, then runs attempts, each on its own
 * thread so that a hung attempt is abandoned exactly on time, and retries (with Awaitility) while
 * the retry policy allows. Ends by handing a {@link ProbeResult} to the scheduler, exactly once,
 * even when the scheduler abandons it first.
 */
final class ProbeRun implements Runnable {

    private static final ExecutorService ATTEMPTS = Executors.newCachedThreadPool(daemonThreads("postpatch-attempt-"));

    private final Suite suite;
    private final ProbeDefinition probe;
    private final ProbeKinds kinds;
    private final Map<String, String> captures;
    private final Deadline runDeadline;
    private final ExecutionSettings settings;
    private final RunControl control;
    private final SharedResources shared;
    private final Consumer<ProbeRun> whenDone;

    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicInteger attempts = new AtomicInteger();
    private final Instant startedAt = Instant.now();
    private final ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
    private final long startNanos = System.nanoTime();
    private volatile AttemptContext currentContext;
    private volatile Future<Outcome> currentAttempt;
    private volatile long lastAttemptNanos;
    private volatile ProbeResult result;
    private volatile Map<String, String> capturedValues = Map.of();

    ProbeRun(Suite suite, ProbeDefinition probe, ProbeKinds kinds, Map<String, String> captures, Deadline runDeadline,
             ExecutionSettings settings, RunControl control, SharedResources shared, Consumer<ProbeRun> whenDone) {
        this.suite = suite;
        this.probe = probe;
        this.kinds = kinds;
        this.captures = captures;
        this.runDeadline = runDeadline;
        this.settings = settings;
        this.control = control;
        this.shared = shared;
        this.whenDone = whenDone;
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
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
        if (context != null) {
            context.cancel();
        }
        if (attempt != null) {
            attempt.cancel(true);
        }
    }

    private Outcome runAttempts() {
        Check check;
        try {
            check = bind();
        } catch (IllegalArgumentException | IllegalStateException invalid) {
            return Outcome.failed(invalid.getMessage());
        }
        return sampledTwice(check, attempts(check));
    }

    /** The outcome of the attempts the retry policy allows. */
    private Outcome attempts(Check check) {
        if (!probe.retry().retries()) {
            return attempt(check);
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
                        Outcome outcome = attempt(check);
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
            return attempt(check);
        }
        if (outcome.status() == ProbeStatus.FAILED && attempts.get() > 1) {
            return outcome.withMessage(outcome.message() + " (" + attempts.get() + " attempts over "
                    + Durations.format(Duration.ofNanos(System.nanoTime() - startNanos)) + ")");
        }
        return outcome;
    }

    /** Resolves the probe's variables (captures are known now) and binds its kind. */
    private Check bind() {
        Variables variables = suite.variables();
        ConfigNode resolved = probe.spec().mapStrings(string -> Variables.hasReferences(string.text())
                ? ConfigNode.resolved(string.location(), variables.parts(string.text(), captures, control.redactor()::add))
                : string);
        ProbeKind kind = kinds.get(probe.kind()).orElseThrow(() ->
                new IllegalStateException("no probe kind '" + probe.kind() + "' on the classpath"));
        Problems problems = new Problems();
        Spec spec = Spec.forRun(kind, resolved, problems);
        Check check = kind.bind(spec).check().orElse(null);
        spec.finish();
        if (!problems.isEmpty() || check == null) {
            String first = problems.isEmpty() ? "the kind refused the probe" : problems.all().get(0).message();
            throw new IllegalArgumentException("invalid once its variables were resolved: " + first
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        }
        return check;
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

    private Outcome attempt(Check check) {
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
            return execute(check, number, budget);
        } finally {
            lastAttemptNanos = System.nanoTime() - start;
        }
    }

    /** Runs the check once on its own thread, abandoned when {@code budget} runs out. */
    private Outcome execute(Check check, int number, Duration budget) {
        AttemptContext context = new AttemptContext(suite, probe, settings.target(), number, budget, captures,
                control.redactor(), shared, settings.attachments(), control.snapshots());
        currentContext = context;
        Future<Outcome> attempt = ATTEMPTS.submit(() -> {
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
            // Its own timeout is a latency miss (measured again warm right after a restart); the
            // run's deadline is not.
            return budget.equals(probe.timeout()) ? Outcome.late("timed out after " + Durations.format(budget))
                    : Outcome.failed("abandoned after " + Durations.format(budget) + ": the run's timeout expired");
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
        Map<String, Object> details = new LinkedHashMap<>();
        outcome.details().forEach((key, value) -> details.put(key, redacted(value)));
        List<Outcome.Part> parts = new ArrayList<>();
        for (Outcome.Part part : outcome.parts()) {
            parts.add(new Outcome.Part(part.name(), part.status(), part.duration(),
                    Failures.shortened(control.redactor().redact(part.message()))));
        }
        Duration total = Duration.ofNanos(System.nanoTime() - startNanos);
        Duration last = lastAttemptNanos == 0 ? total : Duration.ofNanos(lastAttemptNanos);
        return new ProbeResult(suite.name(), probe.id(), probe.kind(), probe.severity(), outcome.status(), startedAt,
                total, last, Math.max(attempts.get(), outcome.status() == ProbeStatus.SKIPPED ? 0 : 1),
                Failures.shortened(control.redactor().redact(outcome.message())), List.of(), details, parts, outcome.attachments(),
                probe.location().toString(), outcome.isLate(), List.of(), null, recordedSnapshot(outcome));
    }

    /** The snapshot to record: only in a run that records them, and never one over the limit. */
    private String recordedSnapshot(Outcome outcome) {
        return outcome.snapshot().filter(snapshot -> control.snapshots().record() && snapshot.length() <= Snapshots.MAX_CHARS)
                .orElse(null);
    }

    /** Strings, and strings inside lists and maps, with secrets masked. */
    private Object redacted(Object value) {
        if (value instanceof String text) {
            return control.redactor().redact(text);
        }
        if (value instanceof java.util.Collection<?> items) {
            return items.stream().map(this::redacted).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(key, redacted(item)));
            return copy;
        }
        return value;
    }
}
