package org.postpatch.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.postpatch.result.Fingerprint;
import org.postpatch.result.Verdict;

/** Ledger runs for tests. */
final class Runs {

    private Runs() {
    }

    static LedgerRun run(String runId, String suite, String target, RunKind kind, Instant startedAt, Verdict verdict,
                         Fingerprint fingerprint) {
        return new LedgerRun(runId, suite, target, kind, Trigger.COMMAND_LINE, startedAt, Duration.ofMillis(1200), verdict,
                false, false, fingerprint, null, false, null,
                List.of(new LedgerProbe("health", "http", "critical", verdict == Verdict.FAIL ? "FAILED" : "PASSED",
                        1100, 1100, 1, verdict == Verdict.FAIL ? "expected status 200 but was 500" : "", null)));
    }

    static Fingerprint jvm(String version) {
        return new Fingerprint(Map.of("jvm.version", version, "os.version", "6.1.0"),
                Map.of("jackson-databind", new Fingerprint.Jar("2.17.0", "abc123")));
    }
}
