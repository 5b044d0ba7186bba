package org.postpatch.fleet;

import java.util.Optional;
import org.postpatch.fleet.dashboard.FleetSource;
import org.postpatch.fleet.model.FleetView;
import org.postpatch.fleet.read.FleetReader;
import org.postpatch.fleet.read.Period;
import org.postpatch.ledger.LedgerDatabase;

/** The fleet of one ledger: its views and its runs' reports, read as they are asked for. */
public final class LedgerFleet implements FleetSource, AutoCloseable {

    private final LedgerDatabase database;
    private final FleetReader reader;

    private LedgerFleet(LedgerDatabase database) {
        this.database = database;
        this.reader = new FleetReader(database);
    }

    /**
     * Opens the ledger at a location (a JDBC URL or an H2 file path).
     *
     * @throws org.postpatch.ledger.LedgerException when it cannot be used
     */
    public static LedgerFleet open(String location) {
        return new LedgerFleet(LedgerDatabase.open(location));
    }

    @Override
    public FleetView view(Period period, String suite) {
        return FleetView.of(reader.read(period, suite));
    }

    @Override
    public Optional<String> report(String runId) {
        return database.ledger().report(runId);
    }

    /** Where the ledger is, for messages (never with a password). */
    public String describe() {
        return database.describe();
    }

    @Override
    public void close() {
        database.close();
    }
}
