package org.postpatch.probes.system.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.config.Problem;
import org.postpatch.result.ProbeResult;
import org.postpatch.testkit.ProbeTestKit;

class TcpProbeTest {

    @TempDir
    Path folder;

    @Test
    void openPortPassesAndReportsTheConnectTime() throws Exception {
        try (LoopbackServer server = LoopbackServer.silent()) {
            ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                    - id: db-port
                      tcp: { host: 127.0.0.1, port: %d }
                    """.formatted(server.port()));

            assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
            assertThat(result.message()).startsWith("connected to 127.0.0.1:" + server.port() + " in ");
            assertThat(result.details()).containsKey("connectMs");
            await().atMost(Duration.ofSeconds(5)).until(() -> server.clientsGone() == 1);
        }
    }

    @Test
    void closedPortFailsWithConnectionRefused() throws Exception {
        int port = LoopbackServer.closedPort();

        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: db-port
                  tcp: { host: 127.0.0.1, port: %d }
                """.formatted(port));

        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.message()).isEqualTo("cannot connect to 127.0.0.1:" + port + ": Connection refused");
    }

    @Test
    void unknownHostFailsNamingTheHost() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: db-port
                  tcp: { host: no-such-host.invalid, port: 5432 }
                """);

        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.message()).isEqualTo("cannot connect to no-such-host.invalid:5432: unknown host 'no-such-host.invalid'");
    }

    @Test
    void expectedBannerPasses() throws Exception {
        try (LoopbackServer server = LoopbackServer.greeting("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n")) {
            ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                    - id: ssh-banner
                      tcp: { host: 127.0.0.1, port: %d, banner: "SSH-2.0", bannerMatches: "^SSH-2\\\\.0-OpenSSH_9" }
                    """.formatted(server.port()));

            assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
            assertThat(result.message()).isEqualTo("connected to 127.0.0.1:" + server.port()
                    + "; banner 'SSH-2.0-OpenSSH_9.2p1 Debian-2'");
            await().atMost(Duration.ofSeconds(5)).until(() -> server.clientsGone() == 1);
        }
    }

    @Test
    void wrongBannerFailsQuotingWhatWasReceived() throws Exception {
        try (LoopbackServer server = LoopbackServer.greeting("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n")) {
            ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                    - id: ssh-banner
                      timeout: 2s
                      tcp: { host: 127.0.0.1, port: %d, banner: "SSH-2.0" }
                    """.formatted(server.port()));

            assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
            assertThat(result.message()).isEqualTo("expected a banner containing 'SSH-2.0' but received "
                    + "'HTTP/1.1 400 Bad Request\\nConnection: close'");
            await().atMost(Duration.ofSeconds(5)).until(() -> server.clientsGone() == 1);
        }
    }

    @Test
    void bannerNotMatchingTheExpressionFails() throws Exception {
        try (LoopbackServer server = LoopbackServer.greeting("220 mail.example.com ESMTP Postfix\r\n")) {
            ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                    - id: smtp
                      timeout: 2s
                      tcp: { host: 127.0.0.1, port: %d, bannerMatches: "^220 .* Exim" }
                    """.formatted(server.port()));

            assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
            assertThat(result.message()).isEqualTo("expected a banner matching '^220 .* Exim' but received "
                    + "'220 mail.example.com ESMTP Postfix'");
        }
    }

    @Test
    void silentServerFailsWithNoBannerAndTheConnectionIsClosed() throws Exception {
        try (LoopbackServer server = LoopbackServer.silent()) {
            ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                    - id: ssh-banner
                      timeout: 1s
                      tcp: { host: 127.0.0.1, port: %d, banner: "SSH-2.0" }
                    """.formatted(server.port()));

            assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
            assertThat(result.message()).matches("no banner from 127\\.0\\.0\\.1:" + server.port() + " within \\d+ms");
            await().atMost(Duration.ofSeconds(5)).until(() -> server.clientsGone() == 1);
        }
    }

    @Test
    void serverThatHangsUpWithoutABannerFails() throws Exception {
        try (LoopbackServer server = LoopbackServer.hangingUp()) {
            ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                    - id: ssh-banner
                      tcp: { host: 127.0.0.1, port: %d, banner: "SSH-2.0" }
                    """.formatted(server.port()));

            assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
            assertThat(result.message()).isIn(
                    "127.0.0.1:" + server.port() + " closed the connection without sending a banner; "
                            + "expected a banner containing 'SSH-2.0'",
                    "lost the connection to 127.0.0.1:" + server.port() + " before a banner arrived: Connection reset");
        }
    }

    @Test
    void missingPortIsReportedWhereTheBlockIs() {
        List<Problem> problems = ProbeTestKit.in(folder).problemsOfProbe("""
                - id: db-port
                  tcp: { host: localhost }
                """);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("tcp: missing 'port' (a whole number from 1 to 65535)");
            assertThat(problem.probeId()).isEqualTo("db-port");
            assertThat(problem.location().line()).isEqualTo(4);
            assertThat(problem.location().column()).isEqualTo(10);
        });
    }

    @Test
    void portOutOfRangeIsReportedAtTheValue() {
        List<Problem> problems = ProbeTestKit.in(folder).problemsOfProbe("""
                - id: db-port
                  tcp:
                    host: localhost
                    port: 70000
                """);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("tcp.port: expected a whole number from 1 to 65535, found 70000");
            assertThat(problem.location().line()).isEqualTo(6);
            assertThat(problem.location().column()).isEqualTo(13);
        });
    }

    @Test
    void invalidBannerExpressionAndUnknownKeyAreReported() {
        List<Problem> problems = ProbeTestKit.in(folder).problemsOfProbe("""
                - id: ssh
                  tcp: { host: localhost, port: 22, bannerMatches: "SSH-(2", banner_: x }
                """);

        assertThat(problems).extracting(Problem::message).containsExactlyInAnyOrder(
                "tcp.bannerMatches: 'SSH-(2' is not a valid regular expression: Unclosed group near index 6",
                "tcp: unknown key 'banner_' (did you mean 'banner'?)");
    }

    @Test
    void hostMustBeGiven() {
        List<Problem> problems = ProbeTestKit.in(folder).problemsOfProbe("""
                - id: db-port
                  tcp: { port: 5432 }
                """);

        assertThat(problems).extracting(Problem::message).containsExactly("tcp: missing 'host' (a string)");
    }
}
