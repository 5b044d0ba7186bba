package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.testing.ProbeFiles;

/**
 * An application process that cannot be fingerprinted is bad input (exit 2) with a message that
 * says why — never a silent fingerprint of the machine alone — and nothing runs.
 */
class AppFingerprintProblemsTest {

    @TempDir
    Path folder;

    private Path probes;
    private final Cli cli = new Cli();

    @BeforeEach
    void probes() {
        probes = new ProbeFiles(folder).write("p.yaml", "suite: s\nprobes: [{ id: up, pass: {} }]\n");
    }

    @Test
    void aProcessThatIsNotAJvmIsBadInput() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "300").start();
        try {
            assertThat(cli.run("run", "--app-pid", Long.toString(sleep.pid()), "--ledger", "none", probes.toString()))
                    .isEqualTo(2);
        } finally {
            sleep.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(cli.err()).contains("--app-pid " + sleep.pid() + ": process " + sleep.pid() + " (sleep, ")
                .contains("is not a JVM");
        assertThat(cli.out()).doesNotContain("suite s");
    }

    @Test
    void aListenerThatIsNotAJvmIsBadInput() throws Exception {
        Path portFile = folder.resolve("perl.port");
        Process perl = new ProcessBuilder("perl", "-MIO::Socket::INET", "-e",
                "$s = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => 0, Listen => 5) or die $!;"
                        + " open(my $f, '>', $ARGV[0] . '.tmp') or die $!; print $f $s->sockport; close($f);"
                        + " rename($ARGV[0] . '.tmp', $ARGV[0]); sleep 300", portFile.toString()).start();
        try {
            await("the perl listener").atMost(Duration.ofSeconds(30)).until(() -> Files.exists(portFile) || !perl.isAlive());
            String port = Files.readString(portFile).strip();
            assertThat(cli.run("baseline", "--app-port", port, "--ledger", folder.resolve("ledger").toString(),
                    probes.toString())).isEqualTo(2);
            assertThat(cli.err()).contains("--app-port " + port + ": process " + perl.pid() + " (perl, ")
                    .contains("is not a JVM");
        } finally {
            perl.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aProcessThatIsGoneIsBadInput() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(cli.run("run", "--app-pid", Long.toString(gone.pid()), "--ledger", "none", probes.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("--app-pid " + gone.pid() + ": no process " + gone.pid() + " is running on this host");
    }

    @Test
    void aPortNobodyListensOnIsBadInput() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }

        assertThat(cli.run("verify", "--app-port", Integer.toString(port), "--ledger", folder.resolve("ledger").toString(),
                probes.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("--app-port " + port + ": no process listens on TCP port " + port + " on this host");
    }

    /**
     * Process 1 belongs to another user (or, in a container, may not be inspected even by root):
     * its {@code /proc/1/exe} cannot be read. Where this user may read it, there is no such process
     * to try on this machine.
     */
    @Test
    void aProcessWhoseProcEntriesCannotBeReadIsBadInput() throws IOException {
        try {
            Files.readSymbolicLink(Path.of("/proc/1/exe"));
            Assumptions.abort("this user may inspect process 1: no unreadable process to try here");
        } catch (AccessDeniedException expected) {
            // the case under test
        }

        assertThat(cli.run("run", "--app-pid", "1", "--ledger", "none", probes.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("--app-pid 1: process 1 (").contains("/proc/1/exe cannot be read by user")
                .contains("postpatch must run as the application's user");
    }

    @Test
    void optionsThatContradictEachOtherAreBadInput() {
        assertThat(cli.run("run", "--app-pid", "42", "--app-port", "8080", "--ledger", "none", probes.toString()))
                .isEqualTo(2);
        assertThat(cli.err()).contains("--app-pid and --app-port both name the application process: give one");

        assertThat(cli.run("run", "--app-port", "8080", "--fingerprint-url", "http://127.0.0.1:9/selftest", "--ledger",
                "none", probes.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("--fingerprint-url and --app-port both say where the application's fingerprint "
                + "comes from: give one");

        assertThat(cli.run("serve", "--app-port", "70000", "--port", "0", "--ledger", "none", probes.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("--app-port must be between 1 and 65535, was 70000");
    }

    @Test
    void withoutAnApplicationProcessTheCommandSaysItReadOnlyThisMachine() {
        assertThat(cli.run("baseline", "--ledger", folder.resolve("ledger").toString(), probes.toString())).isZero();
        assertThat(cli.out()).contains("Fingerprinted this machine only: OS, kernel (not the application's JVM or jars); "
                + "--app-port or --app-pid reads them from its process.");

        assertThat(cli.run("verify", "--ledger", folder.resolve("ledger").toString(), probes.toString())).isZero();
        assertThat(cli.out()).contains("Nothing changed since the baseline in what was fingerprinted: this machine only: "
                + "OS, kernel (not the application's JVM or jars).")
                .doesNotContain("Nothing in the fingerprint changed");
    }
}
