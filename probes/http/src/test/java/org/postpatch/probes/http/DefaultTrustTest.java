package org.postpatch.probes.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.probes.http.support.Certificates;
import org.postpatch.probes.http.support.TestServer;
import org.postpatch.result.ProbeResult;
import org.postpatch.testkit.ProbeTestKit;

/**
 * A probe without {@code tls} settings trusts what the JVM trusts by default, made only when it first
 * connects over https: the trust store named by {@code javax.net.ssl.trustStore}. In a JVM of its own,
 * since the JVM makes its default TLS context once.
 */
class DefaultTrustTest {

    @TempDir
    Path folder;

    @Test
    void aProbeWithoutTlsSettingsTrustsTheTrustStoreTheJvmIsGiven() throws Exception {
        Certificates certificates = Certificates.validFor(folder, 365);
        try (TestServer server = TestServer.https(certificates.serverContext()).json("/", 200, "{\"status\":\"UP\"}")) {
            List<String> trusting = List.of("-Djavax.net.ssl.trustStore=" + certificates.trustStore(),
                    "-Djavax.net.ssl.trustStorePassword=" + Certificates.PASSWORD);

            assertThat(probeInOwnJvm(trusting, server.url())).isEqualTo("PASSED");
            assertThat(probeInOwnJvm(List.of(), server.url())).startsWith("FAILED")
                    .contains("the server's certificate is not trusted");
        }
    }

    /** Runs one https probe of {@code url} in a fresh JVM with {@code options}; its status and message. */
    private String probeInOwnJvm(List<String> options, String url) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path")));
        command.addAll(options);
        command.addAll(List.of(OneProbe.class.getName(), folder.toString(), url));
        Path output = Files.createTempFile(folder, "probe", ".txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the probe's JVM ended within 2 minutes").isTrue();
        return Files.readString(output).strip();
    }

    /** The probe's JVM: prints the probe's status, and its message unless it passed. */
    public static final class OneProbe {
        public static void main(String[] args) {
            ProbeResult probe = ProbeTestKit.in(Path.of(args[0])).runProbe("""
                    - id: tls
                      http: { get: "%s/health", expect: { json: { $.status: UP } } }
                    """.formatted(args[1]));
            System.out.println(probe.status() == ProbeStatus.PASSED ? "PASSED" : probe.status() + ": " + probe.message());
            System.exit(0);
        }
    }
}
