package org.postpatch.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A fingerprint says what it read, and compares only what both sides read. */
class FingerprintScopeTest {

    private static final Map<String, String> MACHINE = Map.of("os.name", "Linux", "os.version", "6.8.0",
            "os.release", "Debian GNU/Linux 12 (bookworm)");

    @Test
    void aMachineFingerprintSaysItDidNotReadTheApplication() {
        Fingerprint machine = new Fingerprint(MACHINE);

        assertThat(machine.readsApplication()).isFalse();
        assertThat(machine.scope()).isEqualTo("this machine only: OS, kernel (not the application's JVM or jars)");
    }

    @Test
    void anApplicationProcessFingerprintNamesTheProcessAndWhatWasRead() {
        Fingerprint application = process("4242", "2026-11-28T23:56:03Z", "17.0.15", "2.4.240");

        assertThat(application.scope())
                .isEqualTo("application process 4242 on port 8080: JVM, 1 jar, version; this machine: OS, kernel");
        assertThat(application.applicationStartedAt()).contains(Instant.parse("2026-11-28T23:56:03Z"));
        assertThat(new Fingerprint(MACHINE).applicationStartedAt()).isEmpty();
    }

    @Test
    void aRestartIsNotAChangeButANewJvmAndJarAre() {
        Fingerprint before = process("4242", "2026-11-28T23:56:03Z", "17.0.15", "2.4.240");
        Fingerprint restarted = process("5151", "2026-11-29T00:01:00Z", "17.0.15", "2.4.240");
        Fingerprint patched = process("6161", "2026-11-29T00:02:00Z", "25.0.3", "2.3.232");

        assertThat(restarted.digest()).isEqualTo(before.digest());
        assertThat(restarted.changesSince(before)).isEmpty();
        assertThat(patched.changesSince(before)).extracting(Fingerprint.Change::toString)
                .containsExactly("jvm.version 17.0.15 -> 25.0.3", "jar h2 2.4.240 -> 2.3.232");
    }

    @Test
    void whenOnlyOneSideReadTheApplicationOnlyTheMachineIsCompared() {
        Fingerprint machine = new Fingerprint(Map.of("os.name", "Linux", "os.version", "6.1.0"));
        Fingerprint application = process("4242", "2026-11-28T23:56:03Z", "17.0.15", "2.4.240");

        assertThat(application.changesSince(machine)).extracting(Fingerprint.Change::toString)
                .containsExactly("os.release added (Debian GNU/Linux 12 (bookworm))", "os.version 6.1.0 -> 6.8.0");
        assertThat(machine.changesSince(application)).extracting(Fingerprint.Change::toString)
                .containsExactly("os.release removed (was Debian GNU/Linux 12 (bookworm))", "os.version 6.8.0 -> 6.1.0");
    }

    private static Fingerprint process(String pid, String started, String jvmVersion, String h2Version) {
        Map<String, String> facts = new java.util.HashMap<>(MACHINE);
        facts.putAll(Map.of("jvm.vendor", "Debian", "jvm.version", jvmVersion, "app.version", "3.1.0",
                Fingerprint.PROCESS_PID, pid, Fingerprint.PROCESS_PORT, "8080", Fingerprint.PROCESS_STARTED, started));
        return new Fingerprint(facts, Map.of("h2", new Fingerprint.Jar(h2Version, "abc" + h2Version)));
    }
}
