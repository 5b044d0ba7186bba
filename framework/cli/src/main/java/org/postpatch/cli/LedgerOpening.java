package org.postpatch.cli;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.Ledgers;

/**
 * The ledger a command records its run in, opened on a thread of its own while the probes run. In a
 * fresh JVM the first open of an H2 file starts the database engine (about 0.1 s of a 1 s command);
 * begun before the run, that is done when the run is. The ledger is opened exactly as
 * {@link Ledgers#open} opens it, and a failure is the same failure, thrown by {@link #ledger()}.
 * With {@code --ledger none} nothing is opened and nothing is recorded.
 */
final class LedgerOpening {

    private final FutureTask<Ledger> opening;

    private LedgerOpening(FutureTask<Ledger> opening) {
        this.opening = opening;
    }

    /** Starts opening the ledger at {@code location} (the default one when null or blank). */
    static LedgerOpening start(String location) {
        if (Ledgers.NONE.equals(location)) {
            return new LedgerOpening(null);
        }
        FutureTask<Ledger> opening = new FutureTask<>(() -> Ledgers.open(location));
        Thread thread = new Thread(opening, "postpatch-ledger-open");
        // A command that ends early (bad input) does not wait for it.
        thread.setDaemon(true);
        thread.start();
        return new LedgerOpening(opening);
    }

    /** False for {@code --ledger none}: the run is not recorded, and its report not rendered for the ledger. */
    boolean records() {
        return opening != null;
    }

    /**
     * The ledger, once open: an interrupt (Ctrl-C) does not stop the wait — the open is bounded by
     * the ledger's own patience, and the interrupted run's partial result is still recorded.
     *
     * @throws org.postpatch.ledger.LedgerException   as {@link Ledgers#open}
     * @throws IllegalArgumentException as {@link Ledgers#open}
     */
    Ledger ledger() {
        if (opening == null) {
            return Ledgers.none();
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return opening.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException failure) {
                        throw failure;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
