package org.postpatch.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.postpatch.api.Outcome;
import org.postpatch.spi.Binding;
import org.postpatch.spi.Check;
import org.postpatch.spi.ProbeKind;
import org.postpatch.spi.Spec;

/**
 * Probe kinds for testing the engine itself, registered only on test classpaths. Each has a real,
 * observable effect (time passing, a file written, a counter) so tests can check what really ran.
 * The sleeps in {@link Sleep}, {@link Hang} and {@link SlowFirst} are the work these probes stand
 * for (a slow page, a probe stuck in native I/O) that the engine under test must time out, abandon
 * or measure again; no test waits with them — tests wait for conditions with Awaitility.
 */
public final class TestKinds {

    private TestKinds() {
    }

    /** {@code pass: { message: text }}: passes. */
    public static final class Pass implements ProbeKind {
        @Override
        public String name() {
            return "pass";
        }

        @Override
        public Binding bind(Spec spec) {
            String message = spec.isMap() ? spec.optionalString("message").orElse("") : "";
            return Binding.of(context -> Outcome.passed(message));
        }
    }

    /** {@code fail: { message: text }}: fails with the message. */
    public static final class Fail implements ProbeKind {
        @Override
        public String name() {
            return "fail";
        }

        @Override
        public Binding bind(Spec spec) {
            String message = spec.isMap() ? spec.optionalString("message").orElse("failed on purpose") : "failed on purpose";
            return Binding.of(context -> Outcome.failed(message));
        }
    }

    /** {@code sleep: { for: 10s }}: sleeps, interruptibly; passes afterwards. */
    public static final class Sleep implements ProbeKind {
        @Override
        public String name() {
            return "sleep";
        }

        @Override
        public Binding bind(Spec spec) {
            Duration duration = spec.optionalDuration("for").orElse(Duration.ofSeconds(1));
            return Binding.of(context -> {
                Thread.sleep(duration.toMillis());
                return Outcome.passed("slept " + duration.toMillis() + "ms");
            });
        }
    }

    /** {@code hang: {}}: blocks forever, ignoring interruption, like a probe stuck in native I/O. */
    public static final class Hang implements ProbeKind {
        @Override
        public String name() {
            return "hang";
        }

        @Override
        public Binding bind(Spec spec) {
            return Binding.of(context -> {
                long until = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                while (System.nanoTime() < until) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException ignored) {
                        // deliberately ignored: this probe cannot be interrupted
                    }
                }
                return Outcome.passed();
            });
        }
    }

    /** {@code touch: { file: path }}: writes the file, so a test can see that the probe ran. */
    public static final class Touch implements ProbeKind {
        @Override
        public String name() {
            return "touch";
        }

        @Override
        public Binding bind(Spec spec) {
            String file = spec.string("file");
            return Binding.of(context -> {
                Files.writeString(Path.of(file), context.probeId());
                return Outcome.passed("wrote " + file);
            });
        }
    }

    /** {@code flaky: { key: k, passOnAttempt: 3 }}: fails until the given attempt, counted per key. */
    public static final class Flaky implements ProbeKind {
        static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

        @Override
        public String name() {
            return "flaky";
        }

        @Override
        public Binding bind(Spec spec) {
            String key = spec.string("key");
            long passOn = spec.integer("passOnAttempt", 1, Integer.MAX_VALUE).orElse(1L);
            return Binding.of(context -> {
                int attempt = COUNTS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                return attempt >= passOn ? Outcome.passed("passed on attempt " + attempt)
                        : Outcome.failed("not yet (attempt " + attempt + ")");
            });
        }
    }

    /**
     * {@code failsOn: { key: k, attempts: [2] }}: fails on the listed attempts (counted per key) and
     * passes on all others, like a health check that misses once while the target is busy.
     */
    public static final class FailsOn implements ProbeKind {
        static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

        @Override
        public String name() {
            return "failsOn";
        }

        @Override
        public Binding bind(Spec spec) {
            String key = spec.string("key");
            Set<Long> failing = spec.strings("attempts").stream().map(Long::valueOf).collect(java.util.stream.Collectors.toSet());
            return Binding.of(context -> {
                long attempt = COUNTS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                return failing.contains(attempt) ? Outcome.failed("failed on attempt " + attempt)
                        : Outcome.passed("passed on attempt " + attempt);
            });
        }
    }

    /**
     * {@code slowFirst: { key: k, first: 2s, runs: 1 }}: the first {@code runs} runs per key (one by
     * default) take {@code first} each (like the first requests to a page after a restart), later
     * ones are instant; passes either way.
     */
    public static final class SlowFirst implements ProbeKind {
        static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

        @Override
        public String name() {
            return "slowFirst";
        }

        @Override
        public Binding bind(Spec spec) {
            String key = spec.string("key");
            Duration first = spec.optionalDuration("first").orElse(Duration.ofSeconds(1));
            long runs = spec.optionalInteger("runs").orElse(1L);
            return Binding.of(context -> {
                if (COUNTS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() <= runs) {
                    Thread.sleep(first.toMillis());
                }
                return Outcome.passed();
            });
        }
    }

    /** {@code emit: { name: value, ... }}: passes and captures the given values. */
    public static final class Emit implements ProbeKind {
        @Override
        public String name() {
            return "emit";
        }

        @Override
        public Binding bind(Spec spec) {
            Map<String, String> values = spec.entries().entrySet().stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().text()));
            return Binding.of(new Check() {
                @Override
                public Outcome run(org.postpatch.api.ProbeContext context) {
                    Outcome outcome = Outcome.passed();
                    for (Map.Entry<String, String> value : values.entrySet()) {
                        outcome = outcome.withCapture(value.getKey(), value.getValue());
                    }
                    return outcome;
                }

                @Override
                public Set<String> captures() {
                    return values.keySet();
                }
            });
        }
    }

    /**
     * {@code reusable: { text: ... }}: passes with the (resolved) text as its message, like echo, but
     * its checks may run again in a later run; counts how often it was bound to run, by text.
     */
    public static final class Reusable implements ProbeKind {
        public static final Map<String, AtomicInteger> BOUND_TO_RUN = new ConcurrentHashMap<>();

        @Override
        public String name() {
            return "reusable";
        }

        @Override
        public boolean checksReusable() {
            return true;
        }

        @Override
        public Binding bind(Spec spec) {
            String text = spec.string("text");
            if (spec.stage() == Spec.Stage.RUN) {
                BOUND_TO_RUN.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet();
            }
            return Binding.of(context -> Outcome.passed(text));
        }
    }

    /** {@code tick: { name: n }}: passes and captures, as {@code name}, a number one higher on each attempt. */
    public static final class Tick implements ProbeKind {
        private static final AtomicInteger TICKS = new AtomicInteger();

        @Override
        public String name() {
            return "tick";
        }

        @Override
        public Binding bind(Spec spec) {
            String name = spec.string("name");
            return Binding.of(new Check() {
                @Override
                public Outcome run(org.postpatch.api.ProbeContext context) {
                    return Outcome.passed().withCapture(name, "tick-" + TICKS.incrementAndGet());
                }

                @Override
                public Set<String> captures() {
                    return Set.of(name);
                }
            });
        }
    }

    /** {@code echo: { text: ... }}: passes with the (resolved) text as its message. */
    public static final class Echo implements ProbeKind {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public Binding bind(Spec spec) {
            String text = spec.string("text");
            return Binding.of(context -> Outcome.passed(text));
        }
    }

    /**
     * {@code meet: { key: k, parties: 8 }}: waits (up to {@code wait}, 10s by default) until {@code parties} probes with the
     * same key are running at the same time; passes only if they all met.
     */
    public static final class Meet implements ProbeKind {
        static final Map<String, java.util.concurrent.CyclicBarrier> BARRIERS = new ConcurrentHashMap<>();

        @Override
        public String name() {
            return "meet";
        }

        @Override
        public Binding bind(Spec spec) {
            String key = spec.string("key");
            int parties = spec.integer("parties", 1, 1000).orElse(1L).intValue();
            Duration wait = spec.optionalDuration("wait").orElse(Duration.ofSeconds(10));
            return Binding.of(context -> {
                java.util.concurrent.CyclicBarrier barrier =
                        BARRIERS.computeIfAbsent(key, k -> new java.util.concurrent.CyclicBarrier(parties));
                try {
                    barrier.await(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                    return Outcome.passed("met " + parties);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.BrokenBarrierException e) {
                    return Outcome.failed("only " + barrier.getNumberWaiting() + " of " + parties + " ran at once");
                }
            });
        }
    }

    /**
     * {@code observe: { fold: join | throw | huge, fail: false }}: passes (or fails) with the snapshot
     * {@code sample-N} (N counts the runs of this bound check) and a message saying what its context
     * told it: whether the run records snapshots, and the baseline's. Two samples fold into
     * {@code sample-1|sample-2}, or the fold throws, or makes a snapshot over the limit.
     */
    public static final class Observe implements ProbeKind {
        @Override
        public String name() {
            return "observe";
        }

        @Override
        public Binding bind(Spec spec) {
            String fold = spec.isMap() ? spec.optionalString("fold").orElse("join") : "join";
            boolean fail = spec.isMap() && spec.bool("fail", false);
            AtomicInteger samples = new AtomicInteger();
            return Binding.of(new Check() {
                @Override
                public Outcome run(org.postpatch.api.ProbeContext context) {
                    String seen = "records " + context.recordsSnapshot() + ", baseline "
                            + context.baselineRunId().orElse("none") + ": " + context.baselineSnapshot().orElse("none");
                    return (fail ? Outcome.failed(seen) : Outcome.passed(seen))
                            .withSnapshot("sample-" + samples.incrementAndGet());
                }

                @Override
                public Outcome sampledTwice(Outcome first, Outcome second) {
                    return switch (fold) {
                        case "throw" -> throw new IllegalStateException("cannot fold");
                        case "huge" -> first.withSnapshot("x".repeat(org.postpatch.engine.Snapshots.MAX_CHARS + 1));
                        default -> first.withSnapshot(first.snapshot().orElseThrow() + "|" + second.snapshot().orElseThrow());
                    };
                }
            });
        }
    }
}
