package org.postpatch.cli;

import org.postpatch.ledger.Ledgers;
import picocli.CommandLine.Option;

/** {@code --ledger}: where runs are recorded. */
public final class LedgerOption {

    @Option(names = "--ledger", paramLabel = "URL",
            description = "Where runs are recorded: a JDBC URL (jdbc:postgresql://host/db), a file path for an H2 "
                    + "database, or 'none' (default: $POSTPATCH_LEDGER, else ~/.postpatch/ledger).")
    String ledger;

    /** The location: the option, the environment, or the default. */
    String location() {
        return ledger != null ? ledger : Ledgers.orDefault(System.getenv(Ledgers.LOCATION_VARIABLE));
    }
}
