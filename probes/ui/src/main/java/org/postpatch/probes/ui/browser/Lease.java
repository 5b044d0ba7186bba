package org.postpatch.probes.ui.browser;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One probe's use of a browser session, from taking it to giving it back. Given back exactly once:
 * {@link #release()} when the probe is done (the session is cleared for the next probe), or
 * {@link #abandon()} when the probe is abandoned mid-step (the session is killed; the next probe
 * gets a new one).
 */
public final class Lease {

    private final Session session;
    private final Consumer<Lease> whenReleased;
    private final Consumer<Lease> whenAbandoned;
    private final AtomicBoolean returned = new AtomicBoolean();

    Lease(Session session, Consumer<Lease> whenReleased, Consumer<Lease> whenAbandoned) {
        this.session = session;
        this.whenReleased = whenReleased;
        this.whenAbandoned = whenAbandoned;
    }

    public Session session() {
        return session;
    }

    /** Gives the session back in order. Does nothing when it was already given back. */
    public void release() {
        if (returned.compareAndSet(false, true)) {
            whenReleased.accept(this);
        }
    }

    /** Kills the session now, from any thread. Does nothing when it was already given back. */
    public void abandon() {
        if (returned.compareAndSet(false, true)) {
            whenAbandoned.accept(this);
        }
    }
}
