package org.postpatch.probes.ui.browser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.postpatch.config.Durations;

/**
 * One browser session shared by the probes of a run, which take turns on it (in the order they
 * asked). It starts on its own thread when the first probe asks, so a probe that gives up waiting
 * leaves it starting for the next. A session that a probe abandoned mid-step, or that stopped
 * answering, is killed and the next probe gets a new one.
 */
final class QueuedSharedBrowser implements SharedBrowser {

    /** A session that is not started yet, and the blocking call that starts it. */
    record Starting(Session session, Start start) {
    }

    /** Starts a session; blocks until it answers. */
    @FunctionalInterface
    interface Start {
        void run() throws BrowserUnavailableException;
    }

    /** Makes a not-yet-started session; quick, and fails at once when the browser is not installed. */
    @FunctionalInterface
    interface Preparation {
        Starting prepare() throws BrowserUnavailableException;
    }

    private final String name;
    private final Preparation preparation;
    private final Semaphore turn = new Semaphore(1, true);
    private final Object lock = new Object();
    private final List<Session> created = new ArrayList<>();
    private CompletableFuture<Session> ready;
    private boolean closed;

    QueuedSharedBrowser(String name, Preparation preparation) {
        this.name = name;
        this.preparation = preparation;
    }

    @Override
    public Lease lease(Duration wait) throws BrowserUnavailableException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        if (!turn.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new BrowserUnavailableException("the " + name + " browser was busy with other probes for "
                    + Durations.format(wait) + " (ui probes on one browser take turns)");
        }
        boolean lent = false;
        try {
            CompletableFuture<Session> session = readySession();
            Session ours;
            try {
                ours = session.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException notYet) {
                throw new BrowserUnavailableException(name + " did not start within " + Durations.format(wait)
                        + " (it goes on starting for the next probe)");
            } catch (ExecutionException failed) {
                forget(session);
                throw failed.getCause() instanceof BrowserUnavailableException unavailable ? unavailable
                        : new BrowserUnavailableException(name + " did not start: " + failed.getCause(), failed.getCause());
            }
            try {
                ours.beginProbe();
            } catch (RuntimeException broken) {
                discard(ours);
                throw new BrowserUnavailableException(name + " stopped answering: "
                        + ChromeSession.firstLine(broken.getMessage()) + " (the next probe gets a new one)", broken);
            }
            Lease lease = new Lease(ours, this::released, this::abandoned);
            lent = true;
            return lease;
        } finally {
            if (!lent) {
                turn.release();
            }
        }
    }

    /** The session that is running or starting, or a new one starting now. */
    private CompletableFuture<Session> readySession() throws BrowserUnavailableException {
        synchronized (lock) {
            if (closed) {
                throw new BrowserUnavailableException("the run has ended and its browsers are closed");
            }
            if (ready != null) {
                if (!ready.isDone()) {
                    return ready;
                }
                Session previous = ready.getNow(null);
                if (previous != null && previous.isAlive()) {
                    return ready;
                }
                if (previous != null) {
                    previous.kill();
                }
            }
            Starting starting = preparation.prepare();
            created.add(starting.session());
            CompletableFuture<Session> future = new CompletableFuture<>();
            Thread starter = new Thread(() -> {
                try {
                    starting.start().run();
                    future.complete(starting.session());
                } catch (Throwable failed) {
                    starting.session().kill();
                    future.completeExceptionally(failed);
                }
            }, "postpatch-" + name.replace(' ', '-') + "-start");
            starter.setDaemon(true);
            starter.start();
            ready = future;
            return future;
        }
    }

    private void forget(CompletableFuture<Session> failed) {
        synchronized (lock) {
            if (ready == failed) {
                ready = null;
            }
        }
    }

    private void discard(Session session) {
        synchronized (lock) {
            if (ready != null && ready.getNow(null) == session) {
                ready = null;
            }
        }
        session.kill();
    }

    private void released(Lease lease) {
        try {
            lease.session().endProbe();
        } catch (Exception broken) {
            discard(lease.session());
        } finally {
            turn.release();
        }
    }

    private void abandoned(Lease lease) {
        discard(lease.session());
        turn.release();
    }

    @Override
    public void close() {
        List<Session> sessions;
        synchronized (lock) {
            closed = true;
            ready = null;
            sessions = List.copyOf(created);
        }
        for (Session session : sessions) {
            session.close();
        }
    }
}
