package org.postpatch.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.LedgerRun;
import org.postpatch.ledger.Ledgers;
import org.postpatch.ledger.RunKind;
import org.postpatch.result.Verdict;

/**
 * The rolling-patch script over three local instances with the bad patch: the first node is
 * rolled back, the other two are never patched, the script fails, and the ledger holds the
 * baseline, the failed verify and the rollback mark.
 */
class RollingPatchTest {

    @TempDir
    Path state;

    @Test
    void aBadPatchIsRolledBackOnTheFirstNodeAndTheRolloutStops() throws Exception {
        try (Fleet fleet = new Fleet(state, 3)) {
            assertThat(fleet.script("start", "--version", "2.3.0").exitCode()).isZero();
            for (int n = 1; n <= 3; n++) {
                assertThat(fleet.versionOf(n)).isEqualTo("2.3.0");
            }
            long node2 = fleet.pidOf(2);
            long node3 = fleet.pidOf(3);

            Fleet.Result patch = fleet.script("patch", "--from", "2.3.0", "--to", "2.3.1", "--wait", "60s");

            assertThat(patch.exitCode()).as(patch.output()).isEqualTo(1);
            assertThat(patch.output())
                    .contains("node-1: baseline")
                    .contains("REGRESSED      item-contract")
                    .contains("REGRESSED      reserve")
                    .contains("node-1: verify failed (exit 1): rolling back to 2.3.0")
                    .contains("node-1: rollback recorded in the ledger")
                    .contains("rollout stopped at node-1")
                    .doesNotContain("node-2: baseline");
            assertThat(fleet.versionOf(1)).as("node-1 runs the old version again").isEqualTo("2.3.0");
            assertThat(fleet.versionOf(2)).isEqualTo("2.3.0");
            assertThat(fleet.pidOf(2)).as("node-2 never restarted").isEqualTo(node2);
            assertThat(fleet.pidOf(3)).as("node-3 never restarted").isEqualTo(node3);

            try (Ledger ledger = Ledgers.open(state.resolve("ledger").toString())) {
                LedgerRun baseline = ledger.latest("inventory", "node-1", Set.of(RunKind.BASELINE)).orElseThrow();
                LedgerRun verify = ledger.latest("inventory", "node-1", Set.of(RunKind.VERIFY)).orElseThrow();
                assertThat(baseline.verdict()).isEqualTo(Verdict.PASS);
                assertThat(verify.verdict()).isEqualTo(Verdict.FAIL);
                assertThat(verify.baselineRunId()).isEqualTo(baseline.runId());
                assertThat(verify.rolledBack()).isTrue();
                assertThat(verify.fingerprint().get("app.version")).isEqualTo("2.3.1");
                assertThat(baseline.fingerprint().get("app.version")).isEqualTo("2.3.0");
                for (String untouched : List.of("node-2", "node-3")) {
                    assertThat(ledger.latest("inventory", untouched, Set.of(RunKind.BASELINE, RunKind.VERIFY))).isEmpty();
                }
            }
        }
    }
}
