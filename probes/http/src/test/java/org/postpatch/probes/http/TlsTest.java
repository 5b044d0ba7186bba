package org.postpatch.probes.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.postpatch.probes.http.support.Runs.probe;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.probes.http.support.Certificates;
import org.postpatch.probes.http.support.TestServer;
import org.postpatch.result.RunResult;
import org.postpatch.testkit.ProbeTestKit;

class TlsTest {

    @TempDir
    static Path certificates;

    @TempDir
    Path folder;

    private static Certificates longLived;
    private static TestServer server;
    private static TestServer expiringServer;

    @BeforeAll
    static void start() throws Exception {
        longLived = Certificates.validFor(certificates, 365);
        server = TestServer.https(longLived.serverContext()).json("/", 200, "{\"status\":\"UP\"}");
        expiringServer = TestServer.https(Certificates.validFor(certificates, 3).serverContext())
                .json("/", 200, "{\"status\":\"UP\"}");
    }

    @AfterAll
    static void stop() {
        server.close();
        expiringServer.close();
    }

    private RunResult run(String probes) {
        return ProbeTestKit.in(folder).withEnvironment(java.util.Map.of("TS_PW", Certificates.PASSWORD)).run("""
                suite: s
                vars:
                  base: %s
                  expiring: %s
                  trust: %s
                probes:
                %s
                """.formatted(server.url(), expiringServer.url(), longLived.trustStore(), probes.indent(2)));
    }

    @Test
    void trustStoreMakesASelfSignedServerTrusted() {
        RunResult run = run("""
                - id: tls
                  http:
                    get: "${base}/health"
                    tls: { trustStore: "${trust}", trustStorePassword: "${secret:TS_PW}" }
                    expect: { json: { $.status: UP } }
                """);
        assertThat(probe(run, "tls").status()).as(probe(run, "tls").message()).isEqualTo(ProbeStatus.PASSED);
    }

    @Test
    void untrustedCertificateFailsTheHandshakeWithAHint() {
        RunResult run = run("""
                - id: tls
                  http: { get: "${base}/health" }
                """);
        assertThat(probe(run, "tls").message()).isEqualTo("TLS handshake with 127.0.0.1:" + server.port()
                + " failed: the server's certificate is not trusted (give tls.trustStore, or tls.insecure: true to skip the check)");
    }

    @Test
    void insecureAcceptsAnyCertificateForAnyHostName() {
        RunResult run = run("""
                - id: by-address
                  http: { get: "${base}/health", tls: { insecure: true } }
                - id: by-name
                  http: { get: "https://localhost:%d/health", tls: { insecure: true } }
                """.formatted(expiringServer.port()));
        assertThat(run.probes()).allSatisfy(p -> assertThat(p.status()).as(p.message()).isEqualTo(ProbeStatus.PASSED));
    }

    @Test
    void certificateValidLongEnoughPasses() {
        RunResult run = run("""
                - id: cert
                  http:
                    get: "${base}/health"
                    tls: { trustStore: "${trust}", trustStorePassword: "${secret:TS_PW}" }
                    expect: { certificate: { validFor: 14d } }
                """);
        assertThat(probe(run, "cert").status()).as(probe(run, "cert").message()).isEqualTo(ProbeStatus.PASSED);
    }

    @Test
    void certificateExpiringSoonSaysWhenAndWhatWasExpected() {
        RunResult run = run("""
                - id: cert
                  http:
                    get: "${expiring}/health"
                    tls: { insecure: true }
                    expect: { certificate: { validFor: 14d } }
                """);
        assertThat(probe(run, "cert").status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(probe(run, "cert").message())
                .matches("certificate of 127\\.0\\.0\\.1 expires in [23] days \\(\\d{4}-\\d\\d-\\d\\d\\), expected at least 14d");
    }

    @Test
    void certificateExpectationOverPlainHttpFails() throws Exception {
        try (TestServer plain = TestServer.http().json("/", 200, "{}")) {
            RunResult run = run("""
                    - id: cert
                      http: { get: "%s/", expect: { certificate: { validFor: 1d } } }
                    """.formatted(plain.url()));
            assertThat(probe(run, "cert").message()).isEqualTo("expected a certificate valid for 1d but 127.0.0.1:"
                    + plain.port() + " answered over plain http");
        }
    }
}
