package org.postpatch.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.LedgerRun;
import org.postpatch.ledger.Ledgers;
import org.postpatch.ledger.RunKind;

/** The same rolling patch as an Ansible playbook (serial: 1) against local instances, with Debian's ansible. */
class AnsiblePlaybookTest {

    private static final Path PLAYBOOK = Fleet.SCRIPTS.resolve("ansible/rolling-patch.yml");

    @TempDir
    Path state;

    @Test
    void thePlaybookStopsOnTheBadPatchTheSameWay() throws Exception {
        assertThat(Path.of("/usr/bin/ansible-playbook"))
                .as("ansible-playbook (Debian's ansible-core; ./test.sh installs it)").isExecutable();
        try (Fleet fleet = new Fleet(state, 3)) {
            assertThat(fleet.script("start", "--version", "2.3.0").exitCode()).isZero();
            for (int n = 1; n <= 3; n++) {
                assertThat(fleet.versionOf(n)).isEqualTo("2.3.0");
            }
            long node2 = fleet.pidOf(2);
            Files.createDirectories(state.resolve("ansible-tmp"));
            Fleet.Result play = fleet.run(List.of("ansible-playbook", "-i", "ansible/inventory.ini", PLAYBOOK.toString(),
                            "-e", "from=2.3.0", "-e", "to=2.3.1"),
                    Map.of("FLEET_STATE", state.toString(), "ANSIBLE_LOCAL_TEMP", state.resolve("ansible-tmp").toString(),
                            "ANSIBLE_NOCOLOR", "1"));

            assertThat(play.exitCode()).as(play.output()).isNotZero();
            assertThat(play.output()).contains("node-1 failed its post-patch verify and was rolled back to 2.3.0")
                    .doesNotContain("[node-2]");
            assertThat(fleet.versionOf(1)).isEqualTo("2.3.0");
            assertThat(fleet.pidOf(2)).isEqualTo(node2);
            try (Ledger ledger = Ledgers.open(state.resolve("ledger").toString())) {
                LedgerRun verify = ledger.latest("inventory", "node-1", Set.of(RunKind.VERIFY)).orElseThrow();
                assertThat(verify.rolledBack()).isTrue();
                assertThat(ledger.latest("inventory", "node-1", Set.of(RunKind.BASELINE))).isPresent();
                assertThat(ledger.latest("inventory", "node-2", Set.of(RunKind.BASELINE, RunKind.VERIFY))).isEmpty();
            }
        }
    }
}
