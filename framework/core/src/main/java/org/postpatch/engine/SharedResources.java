package org.postpatch.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Resources shared by all probes of one run (one HTTP client, one browser): created once on first
 * use, even when many probes ask at the same time, and closed in reverse order when the run ends.
 */
final class SharedResources implements AutoCloseable {

    private final Map<Class<?>, FutureTask<AutoCloseable>> resources = new ConcurrentHashMap<>();
    private final List<FutureTask<AutoCloseable>> creationOrder = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean closed;

    <T extends AutoCloseable> T get(Class<T> key, Supplier<? extends T> factory) {
        if (closed) {
            throw new IllegalStateException("the run has ended; shared resources are closed");
        }
        FutureTask<AutoCloseable> task = resources.get(key);
        if (task != null && task.isDone()) {
            // Every call after the first (every probe of a run asks): no task made to be thrown away.
            return made(key, task);
        }
        FutureTask<AutoCloseable> fresh = new FutureTask<>(factory::get);
        task = resources.putIfAbsent(key, fresh);
        if (task == null) {
            task = fresh;
            creationOrder.add(fresh);
            fresh.run();
            if (closed) {
                // The run ended while this resource was being made (a browser starting slowly):
                // close it rather than leave it running.
                close();
                throw new IllegalStateException("the run has ended; the shared " + key.getSimpleName() + " was closed");
            }
        }
        return made(key, task);
    }

    /** What {@code task} made (waiting for it if another probe is making it), or why it could not. */
    private <T extends AutoCloseable> T made(Class<T> key, FutureTask<AutoCloseable> task) {
        try {
            return key.cast(task.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the shared " + key.getSimpleName(), e);
        } catch (ExecutionException e) {
            resources.remove(key, task);
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("could not create the shared " + key.getSimpleName() + ": " + cause, cause);
        }
    }

    @Override
    public void close() {
        closed = true;
        List<FutureTask<AutoCloseable>> order;
        synchronized (creationOrder) {
            order = new ArrayList<>(creationOrder);
        }
        Collections.reverse(order);
        for (FutureTask<AutoCloseable> task : order) {
            try {
                if (task.isDone() && !task.isCancelled()) {
                    task.get().close();
                }
            } catch (Exception ignored) {
                // Closing is best effort; one resource failing to close must not keep others open.
            }
        }
        resources.clear();
    }
}
