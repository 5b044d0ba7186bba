package org.postpatch.engine;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
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
 *   <li>one thread per running probe, at most the run's parallelism (the scheduler never starts more);</li>
 *   <li>one thread per attempt, as many as needed: an attempt abandoned at its timeout that ignores
 *       its interruption must not hold up the probe's next attempt or the next probe.</li>
 * </ul>
 * Closing interrupts whatever still runs (an attempt abandoned at the run's deadline); idle threads
 * end at once.
 */
final class RunThreads implements AutoCloseable {

    private final ExecutorService probes;
    private final ExecutorService attempts;

    RunThreads(int parallel) {
        this.probes = new ThreadPoolExecutor(parallel, parallel, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemonThreads("postpatch-probe-"));
        this.attempts = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemonThreads("postpatch-attempt-"));
    }

    /** Runs a probe on a probe thread. */
    void startProbe(Runnable probe) {
        probes.execute(probe);
    }

    /** Runs one attempt of a probe on an attempt thread. */
    <T> Future<T> startAttempt(Callable<T> attempt) {
        return attempts.submit(attempt);
    }

    @Override
    public void close() {
        probes.shutdownNow();
        attempts.shutdownNow();
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
