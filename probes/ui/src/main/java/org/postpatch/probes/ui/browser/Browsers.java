package org.postpatch.probes.ui.browser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.postpatch.api.ProbeContext;

/**
 * The browsers of one run, one per {@link BrowserSettings}: a run-wide resource
 * ({@link ProbeContext#shared}) that starts each browser when a probe first needs it and, when the
 * run ends, stops them all and waits until none of their processes and folders is left.
 */
public final class Browsers implements AutoCloseable {

    private final Map<BrowserSettings, SharedBrowser> byKind = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** The browsers of the run this probe belongs to. */
    public static Browsers of(ProbeContext context) {
        return context.shared(Browsers.class, Browsers::new);
    }

    /**
     * A session of this browser for one probe, waiting up to {@code wait} for it to start or to be free.
     * If the attempt is abandoned (its timeout, the run's deadline, an interrupt), the session is killed.
     */
    public Lease lease(BrowserSettings settings, Duration wait, ProbeContext context)
            throws BrowserUnavailableException, InterruptedException {
        if (closed) {
            throw new BrowserUnavailableException("the run has ended and its browsers are closed");
        }
        Lease lease = byKind.computeIfAbsent(settings, SharedBrowser::of).lease(wait);
        context.onCancel(lease::abandon);
        return lease;
    }

    @Override
    public void close() {
        closed = true;
        List<Thread> closing = new ArrayList<>();
        for (SharedBrowser browser : byKind.values()) {
            Thread thread = new Thread(browser::close, "postpatch-browser-close");
            thread.start();
            closing.add(thread);
        }
        for (Thread thread : closing) {
            try {
                thread.join();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
