package org.postpatch.probes.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.testkit.ProbeTestKit;
import org.postpatch.testkit.RenderedRun;

/**
 * {@code browser: remote} against a real WebDriver server on loopback. A Selenium Grid 4.52 standalone
 * is not on Maven Central (its newest selenium-grid there is 4.47.0), so the server is a standalone
 * chromedriver: the same W3C protocol, and the chromedriver endpoints a grid node passes through.
 */
class RemoteBrowserTest {

    @TempDir
    Path folder;

    @Test
    void probesRunInASessionOfTheRemoteServerWhichEndsWithTheRun() throws Exception {
        int port = freePort();
        Process server = startChromedriver(port);
        try (TestSite site = new TestSite()) {
            await("chromedriver to listen").atMost(Duration.ofSeconds(30)).until(() -> listens(port));
            RenderedRun run = ProbeTestKit.in(folder).render(4, """
                    suite: grid
                    defaults: { timeout: 60s }
                    probes:
                      - id: first-visitor
                        ui: { remote: "http://127.0.0.1:%1$d", open: "%2$s/visitor", steps: [ { see: "Left before: nothing" } ] }
                      - id: second-visitor
                        needs: [first-visitor]
                        ui: { remote: "http://127.0.0.1:%1$d", open: "%2$s/visitor", steps: [ { see: "Left before: nothing" } ] }
                      - id: script-error
                        ui: { remote: "http://127.0.0.1:%1$d", open: "%2$s/broken", steps: [ { noConsoleErrors: true } ] }
                    """.formatted(port, site.base()));
            System.out.println(run.console());

            assertThat(run.probe("first-visitor").status()).as(run.probe("first-visitor").message()).isEqualTo(ProbeStatus.PASSED);
            assertThat(run.probe("first-visitor").message()).contains("in remote chrome 156");
            assertThat(run.probe("second-visitor").status()).as(run.probe("second-visitor").message())
                    .isEqualTo(ProbeStatus.PASSED);
            assertThat(run.probe("script-error").message()).startsWith("step 1 noConsoleErrors: 1 console error: ")
                    .contains("undefinedFunction");
            Pictures.assertPng(run.probe("script-error").attachments().get(0).file());
            await("the remote session's Chromium to end with the run").atMost(Duration.ofSeconds(20))
                    .until(() -> server.toHandle().descendants().noneMatch(p -> p.info().command().isPresent()));
        } finally {
            server.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly().waitFor();
        }
    }

    @Test
    void unreachableGridFailsNamingTheGrid() throws Exception {
        int port = freePort();
        RenderedRun run = ProbeTestKit.in(folder).render("""
                suite: grid
                probes:
                  - id: login
                    timeout: 30s
                    ui: { browser: remote, remote: "http://127.0.0.1:%d/wd/hub", open: "http://127.0.0.1:1/" }
                """.formatted(port));

        assertThat(run.probe("login").status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(run.probe("login").message()).startsWith("no browser from the grid at http://127.0.0.1:" + port
                + "/wd/hub: Could not start a new session.")
                .endsWith("(ConnectionException: Connection error (POST http://127.0.0.1:" + port
                        + "/wd/hub/session): ConnectException)");
    }

    /** A chromedriver that keeps everything Chromium writes inside the test's folder. */
    private Process startChromedriver(int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/chromedriver", "--port=" + port)
                .redirectErrorStream(true).redirectOutput(folder.resolve("chromedriver.log").toFile());
        for (String variable : new String[] {"TMPDIR", "HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"}) {
            builder.environment().put(variable, Files.createDirectories(folder.resolve(variable.toLowerCase())).toString());
        }
        return builder.start();
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return socket.isConnected();
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
