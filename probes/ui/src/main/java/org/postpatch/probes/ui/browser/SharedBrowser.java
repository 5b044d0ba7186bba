package org.postpatch.probes.ui.browser;

import java.time.Duration;

/** The browser of one kind (one {@link BrowserSettings}) within a run, lent to one probe at a time. */
interface SharedBrowser extends AutoCloseable {

    /**
     * A session for one probe, waiting up to {@code wait} for the browser to start or to be free.
     *
     * @throws BrowserUnavailableException saying why there was none in time
     */
    Lease lease(Duration wait) throws BrowserUnavailableException, InterruptedException;

    /** Stops every session and waits until nothing of them is left. */
    @Override
    void close();

    static SharedBrowser of(BrowserSettings settings) {
        if (settings instanceof BrowserSettings.Chrome chrome) {
            return new QueuedSharedBrowser("chrome", () -> {
                ChromeSession session = ChromeSession.prepare(chrome);
                return new QueuedSharedBrowser.Starting(session, session::start);
            });
        }
        if (settings instanceof BrowserSettings.Remote remote) {
            return new QueuedSharedBrowser(remote.describe(), () -> {
                RemoteSession session = new RemoteSession(remote);
                return new QueuedSharedBrowser.Starting(session, session::start);
            });
        }
        return new FreshPerProbe();
    }
}
