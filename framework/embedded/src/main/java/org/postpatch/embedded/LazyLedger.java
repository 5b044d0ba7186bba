package org.postpatch.embedded;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.LedgerRun;
import org.postpatch.ledger.Ledgers;
import org.postpatch.ledger.RunKind;

/**
 * The self-test's ledger, opened when it is first used rather than when the self-test starts: an
 * application that restarts with nothing due never starts the database engine (H2 alone loads some
 * 550 classes). Opened as {@link Ledgers#openOrWarn} opens it, once: when it cannot be opened, the
 * warning is given then and every use fails as an unavailable ledger does. Each use of an H2 file
 * ledger holds its lock in this JVM shared ({@link LastRunRecord#lockOf}).
 */
final class LazyLedger implements Ledger {

    private final String location;
    private final Consumer<String> warn;
    private final Lock inThisJvm;
    private Ledger opened;

    LazyLedger(String location, Consumer<String> warn) {
        this.location = location;
        this.warn = warn;
        this.inThisJvm = Ledgers.h2File(location).map(file -> LastRunRecord.lockOf(file).readLock()).orElse(null);
    }

    private <T> T use(Function<Ledger, T> operation) {
        if (inThisJvm == null) {
            return operation.apply(ledger());
        }
        inThisJvm.lock();
        try {
            return operation.apply(ledger());
        } finally {
            inThisJvm.unlock();
        }
    }

    private synchronized Ledger ledger() {
        if (opened == null) {
            opened = Ledgers.openOrWarn(location, warn);
        }
        return opened;
    }

    @Override
    public String describe() {
        return use(Ledger::describe);
    }

    @Override
    public void record(List<LedgerRun> runs, String reportJson) {
        use(ledger -> {
            ledger.record(runs, reportJson);
            return null;
        });
    }

    @Override
    public List<LedgerRun> run(String runId) {
        return use(ledger -> ledger.run(runId));
    }

    @Override
    public Optional<String> report(String runId) {
        return use(ledger -> ledger.report(runId));
    }

    @Override
    public Map<String, String> snapshots(String runId, String suite) {
        return use(ledger -> ledger.snapshots(runId, suite));
    }

    @Override
    public Optional<LedgerRun> latest(String suite, String target, Set<RunKind> kinds) {
        return use(ledger -> ledger.latest(suite, target, kinds));
    }

    @Override
    public List<LedgerRun> history(String suite, String target, int limit) {
        return use(ledger -> ledger.history(suite, target, limit));
    }

    @Override
    public boolean markRolledBack(String runId) {
        return use(ledger -> ledger.markRolledBack(runId));
    }

    /** Closes the ledger if it was opened; never opens it. */
    @Override
    public synchronized void close() {
        if (opened != null) {
            opened.close();
        }
    }
}
