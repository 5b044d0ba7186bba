package org.postpatch.fleet.dashboard;

import java.util.Optional;
import org.postpatch.fleet.model.FleetView;
import org.postpatch.fleet.read.Period;

/** Where the dashboard reads the fleet: a ledger in production, the same ledger in tests. */
public interface FleetSource {

    /**
     * The fleet over a period.
     *
     * @param suite only this suite, or null for all
     * @throws org.postpatch.ledger.LedgerException when the ledger cannot be read
     */
    FleetView view(Period period, String suite);

    /** A run's JSON report, as recorded with it. */
    Optional<String> report(String runId);
}
