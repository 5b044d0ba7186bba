package org.postpatch.engine;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of one run, made when it starts and ended when it ends (as JUnit's
 * {@code HierarchicalTestExecutorService} is per execution), so that a process running many runs
 * ({@code postpatch serve}, an embedded self-test) keeps no threads between them:
 * <ul>
 *   <li>one thread per running probe, at most the run's parallelism (the scheduler never starts more),
 *       plus one for each attempt still running past its timeout ({@link #probeThreadHeld}): an
 *       attempt that ignores its interruption must not hold up the next probe;</li>
 *   <li>one watchdog thread, which ends the attempts that run on their probe's own thread at their
 *       timeout (no hand-off to another thread and back for each attempt);</li>
 *   <li>one thread per attempt of a probe that retries, as many as needed: an attempt abandoned at
 *       its timeout that ignores its interruption must not hold up the probe's next attempt.</li>
 * </ul>
 * Closing interrupts whatever still runs (an attempt abandoned at the run's deadline); idle threads
 * end at once.
 */
final class RunThreads implements AutoCloseable {

    private final ThreadPoolExecutor probes;
    private final ExecutorService attempts;
    private final ScheduledThreadPoolExecutor watchdog;

    RunThreads(int parallel) {
        this.probes = new ThreadPoolExecutor(parallel, parallel, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemonThreads("postpatch-probe-"));
        this.attempts = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemonThreads("postpatch-attempt-"));
        this.watchdog = new ScheduledThreadPoolExecutor(1, daemonThreads("postpatch-watchdog-"));
        // An attempt that ends in time takes its timer out of the queue: the queue stays as long as the
        // attempts running, not as long as the run.
        watchdog.setRemoveOnCancelPolicy(true);
    }

    /** Runs a probe on a probe thread. */
    void startProbe(Runnable probe) {
        probes.execute(probe);
    }

    /** Runs one attempt of a probe on an attempt thread. */
    <T> Future<T> startAttempt(Callable<T> attempt) {
        return attempts.submit(attempt);
    }

    /** Runs {@code timeout} on the watchdog thread after {@code after}, unless cancelled first. */
    Future<?> watch(Runnable timeout, Duration after) {
        return watchdog.schedule(timeout, after.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** A probe thread stays in an attempt stopped at its timeout: one more thread takes its place. */
    synchronized void probeThreadHeld() {
        probes.setMaximumPoolSize(probes.getMaximumPoolSize() + 1);
        probes.setCorePoolSize(probes.getCorePoolSize() + 1);
    }

    /** The attempt that held a probe thread has returned: the thread it freed is one too many again. */
    synchronized void probeThreadReleased() {
        probes.setCorePoolSize(probes.getCorePoolSize() - 1);
        probes.setMaximumPoolSize(probes.getMaximumPoolSize() - 1);
    }

    @Override
    public void close() {
        probes.shutdownNow();
        attempts.shutdownNow();
        watchdog.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
