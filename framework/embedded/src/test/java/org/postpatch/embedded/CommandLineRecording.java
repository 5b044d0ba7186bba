package org.postpatch.embedded;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.LedgerProbe;
import org.postpatch.ledger.LedgerRun;
import org.postpatch.ledger.Ledgers;
import org.postpatch.ledger.RunKind;
import org.postpatch.ledger.Trigger;
import org.postpatch.result.Fingerprint;
import org.postpatch.result.Verdict;

/**
 * A separate process recording one run in a ledger as the command line does (it knows nothing of
 * the self-test's record beside the ledger): {@code CommandLineRecording <ledger> <suite> <target>
 * <run id> <app version>}, on a fingerprint of that application version alone.
 */
public final class CommandLineRecording {

    private CommandLineRecording() {
    }

    public static void main(String[] args) {
        Fingerprint fingerprint = new Fingerprint(Map.of("app.version", args[4]));
        LedgerRun run = new LedgerRun(args[3], args[1], args[2], RunKind.RUN, Trigger.COMMAND_LINE, Instant.now(),
                Duration.ofMillis(5), Verdict.PASS, false, false, fingerprint, null, false, null,
                List.of(new LedgerProbe("always", "pass", "critical", "PASSED", 5, 5, 1, "", null)));
        try (Ledger ledger = Ledgers.open(args[0])) {
            ledger.record(List.of(run), "{}");
        }
        System.out.println("recorded " + args[3]);
    }
}
