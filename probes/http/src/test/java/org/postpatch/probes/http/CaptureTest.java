package org.postpatch.probes.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.postpatch.probes.http.support.Runs.probe;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.probes.http.support.TestServer;
import org.postpatch.result.RunResult;
import org.postpatch.testkit.ProbeTestKit;

class CaptureTest {

    @TempDir
    Path folder;

    private final TestServer server = TestServer.http()
            .json("/api/orders", 201, "{\"id\":\"o-77\",\"lines\":[{\"sku\":\"A-1\"}],\"total\":9.5}")
            .on("/api/order/", exchange -> TestServer.respond(exchange, 200, "application/json",
                    "{\"id\":\"" + exchange.getRequestURI().getPath().substring("/api/order/".length()) + "\"}"));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void capturedValueFeedsTheProbeThatNeedsIt() {
        RunResult run = ProbeTestKit.in(folder).run("""
                suite: s
                vars:
                  base: %s
                probes:
                  - id: create-order
                    http:
                      post: "${base}/api/orders"
                      json: { sku: A-1 }
                      expect: { status: 201 }
                      capture: { orderId: $.id, firstSku: "$.lines[0].sku", total: $.total }
                  - id: read-order
                    needs: [create-order]
                    http:
                      get: "${base}/api/order/${orderId}"
                      headers: { X-Sku: "${firstSku}", X-Total: "${total}" }
                      expect: { json: { $.id: "${orderId}" } }
                """.formatted(server.url()));
        assertThat(probe(run, "read-order").status()).as(probe(run, "read-order").message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(server.last("/api/order/").path()).isEqualTo("/api/order/o-77");
        assertThat(server.last("/api/order/").header("X-Sku")).isEqualTo("A-1");
        assertThat(server.last("/api/order/").header("X-Total")).isEqualTo("9.5");
    }

    @Test
    void captureThatFindsNothingFailsTheProbeAndBlocksTheOnesThatNeedIt() {
        RunResult run = ProbeTestKit.in(folder).run("""
                suite: s
                probes:
                  - id: create-order
                    http:
                      post: "%s/api/orders"
                      capture: { orderId: $.orderId }
                  - id: read-order
                    needs: [create-order]
                    http: { get: "%s/api/order/${orderId}" }
                """.formatted(server.url(), server.url()));
        assertThat(probe(run, "create-order").message()).startsWith("capture orderId: $.orderId is absent; body: {\"id\":\"o-77\"");
        assertThat(probe(run, "read-order").status()).isEqualTo(ProbeStatus.BLOCKED);
    }
}
