package org.postpatch.cli;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.LedgerRun;
import org.postpatch.ledger.Ledgers;
import org.postpatch.model.Suite;

/**
 * The ledger a command records its run in, opened on a thread of its own while the probes run. In a
 * fresh JVM the first open of an H2 file starts the database engine (about 0.1 s of a 1 s command);
 * begun before the run, that is done when the run is. The ledger is opened exactly as
 * {@link Ledgers#open} opens it, and a failure is the same failure, thrown by {@link #ledger()}.
 * With {@code --ledger none} nothing is opened and nothing is recorded.
 */
final class LedgerOpening {

    private final CompletableFuture<Ledger> opening;

    private LedgerOpening(CompletableFuture<Ledger> opening) {
        this.opening = opening;
    }

    /**
     * Starts opening the ledger at {@code location} (the default one when null or blank), to record
     * a run of these suites in. Once it is open, the same thread records a run like theirs in a
     * throw-away database ({@link Ledgers#warmUpRecording}), so that recording the real one after
     * the run does not pay for loading and compiling that code.
     */
    static LedgerOpening start(String location, List<Suite> suites) {
        if (Ledgers.NONE.equals(location)) {
            return new LedgerOpening(null);
        }
        CompletableFuture<Ledger> opening = new CompletableFuture<>();
        int probes = suites.stream().mapToInt(suite -> suite.probes().size()).sum();
        startDaemon(() -> {
            try {
                opening.complete(Ledgers.open(location));
            } catch (RuntimeException | Error failure) {
                opening.completeExceptionally(failure);
                return;
            }
            Ledgers.warmUpRecording(location, probes);
        }, "postpatch-ledger-open");
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
        return opening == null ? Ledgers.none() : outcome(opening);
    }

    /**
     * Starts recording a run in the ledger, once open, on a thread of its own: it connects and writes
     * the run's rows while the caller renders the report that {@code report} waits for (in a fresh
     * JVM each costs tens of milliseconds). {@link #outcome} of the returned task waits for the whole
     * recording, read back included, and throws what {@link #ledger()} and {@link Ledger#record} throw.
     */
    FutureTask<Void> record(List<LedgerRun> runs, Supplier<String> report) {
        FutureTask<Void> recording = new FutureTask<>(() -> {
            try (Ledger ledger = ledger()) {
                ledger.record(runs, report);
            }
            return null;
        });
        startDaemon(recording, "postpatch-ledger-record");
        return recording;
    }

    /** A command that ends early (bad input) does not wait for the ledger's threads. */
    private static void startDaemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * What a task of the ledger's thread returned or threw; an interrupt (Ctrl-C) does not stop the
     * wait, which the ledger's own patience bounds, and is kept for the caller.
     */
    static <T> T outcome(Future<T> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
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
