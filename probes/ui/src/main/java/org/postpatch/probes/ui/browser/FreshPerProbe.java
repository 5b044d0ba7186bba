package org.postpatch.probes.ui.browser;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HtmlUnit for the probes of a run: each probe gets a new, empty HtmlUnit (about 50 ms once HtmlUnit's
 * classes are loaded, which the first probe in a JVM pays), so probes may run at the same time
 * without sharing cookies, storage or windows.
 */
final class FreshPerProbe implements SharedBrowser {

    private final Set<Session> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    @Override
    public Lease lease(Duration wait) throws BrowserUnavailableException {
        if (closed) {
            throw new BrowserUnavailableException("the run has ended and its browsers are closed");
        }
        HtmlUnitSession session = new HtmlUnitSession();
        open.add(session);
        if (closed) {
            end(session);
            throw new BrowserUnavailableException("the run has ended and its browsers are closed");
        }
        session.beginProbe();
        return new Lease(session, lease -> end(lease.session()), lease -> end(lease.session()));
    }

    private void end(Session session) {
        session.close();
        open.remove(session);
    }

    @Override
    public void close() {
        closed = true;
        for (Session session : List.copyOf(open)) {
            end(session);
        }
    }
}
