package org.postpatch.engine;

/**
 * An attempt running on its probe's own thread, which the watchdog (at the attempt's timeout) or the
 * scheduler (abandoning the probe) may stop from another thread. Stopping interrupts the thread
 * only while the attempt still runs, and the thread clears that interruption when the attempt
 * returns, so that it never reaches the probe's next step or the next probe run on that thread.
 */
final class OwnThreadAttempt {

    private final Thread thread = Thread.currentThread();
    private final RunThreads threads;
    private boolean running = true;

    /** Made on the probe's thread, just before the attempt runs there. */
    OwnThreadAttempt(RunThreads threads) {
        this.threads = threads;
    }

    /**
     * Stops the attempt if it still runs: interrupts its thread, and another probe thread takes the
     * place of this one until the attempt returns.
     *
     * @return whether it was running (and is now stopped)
     */
    synchronized boolean stop() {
        if (!running) {
            return false;
        }
        running = false;
        threads.probeThreadHeld();
        thread.interrupt();
        return true;
    }

    /**
     * Called on the probe's thread when the attempt has returned.
     *
     * @return true when it ended by itself; false when it was stopped first (its outcome is not the
     *         probe's: whoever stopped it has decided)
     */
    synchronized boolean end() {
        if (running) {
            running = false;
            return true;
        }
        // The interruption was made inside stop(), under this lock: clearing it here cannot miss it.
        Thread.interrupted();
        threads.probeThreadReleased();
        return false;
    }
}
