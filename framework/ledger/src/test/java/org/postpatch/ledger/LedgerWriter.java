package org.postpatch.ledger;

import java.time.Instant;
import java.util.List;
import org.postpatch.result.Verdict;

/** A separate process that records runs, to test several writers at once. Args: location prefix count. */
public final class LedgerWriter {

    private LedgerWriter() {
    }

    public static void main(String[] args) {
        Ledger ledger = Ledgers.open(args[0]);
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) {
            ledger.record(List.of(Runs.run(args[1] + "-" + i, "orders", "node-1", RunKind.RUN, Instant.now(), Verdict.PASS,
                    Runs.jvm("17.0.15"))), "{}");
        }
        System.out.println("recorded " + count);
    }
}
