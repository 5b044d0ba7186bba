package com.acme.orders.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code postpatch init} against orders-service as it runs: the suite it writes validates and runs
 * green, from Actuator and the OpenAPI document springdoc serves, or from Actuator's mappings alone.
 */
class InitTest {

    /**
     * Each request's time limit: a freshly started instance renders its first page in C1-compiled
     * code, which on a busy test machine takes longer than init's default 10s.
     */
    private static final String SLOW_MACHINE = "60s";

    private static Path node(String name) throws IOException {
        Path work = Path.of(System.getProperty("orders.work", "target/instances"));
        Files.createDirectories(work);
        return Files.createTempDirectory(work, name + "-");
    }

    @Test
    void initWritesASuiteFromActuatorAndTheOpenApiDocumentThatValidatesAndRunsGreen() throws Exception {
        Path node = node("init-openapi");
        try (OrdersInstance orders = OrdersInstance.start("orders-service-1.0.1.jar", node)) {
            String url = orders.url("");
            Path suite = node.resolve("orders.yaml");

            PostPatchCommandLine.Result init = PostPatchCommandLine.run(node, "init", url, "--out", suite.toString(),
                    "--timeout", SLOW_MACHINE);

            assertThat(init.exitCode()).as(init.toString()).isEqualTo(0);
            assertThat(init.out()).containsPattern("GET /actuator/health/readiness +200  UP")
                    .containsPattern("GET /actuator/info +200  version 1.0.1 at \\$.build.version")
                    .containsPattern("GET /v3/api-docs +200  OpenAPI 3.1.0")
                    .containsPattern("PASSED +api-orders +200 in [0-9]+ms \\(and its response schema\\)")
                    .contains("Wrote " + suite + ": suite orders-service, 3 probes (health, version, api-orders).")
                    .contains("1 GET operation needs a parameter, which init cannot guess (write those probes by hand):"
                            + " /api/orders/{id}.");
            String yaml = Files.readString(suite);
            assertThat(yaml).startsWith("# yaml-language-server: $schema=")
                    .contains("Found: Spring Boot Actuator at /actuator (health, info); the OpenAPI 3.1.0 document at /v3/api-docs.")
                    .contains("suite: orders-service\n")
                    .contains("  base: ${env:ORDERS_SERVICE_URL:-" + url + "}")
                    .contains("      get: ${base}/actuator/health/readiness\n      expect: { status: 200, json: { $.status: UP } }\n")
                    .contains("        json: { $.build.version: { type: string } }\n")
                    .contains("      get: ${base}/api/orders\n")
                    .contains("              status: { type: string, enum: [NEW, CONFIRMED, SHIPPED, CANCELLED] }\n");

            PostPatchCommandLine.Result validate = PostPatchCommandLine.run(node, "validate", suite.toString());
            assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(0);
            PostPatchCommandLine.Result run = PostPatchCommandLine.run(node, "run", "--ledger", "none", suite.toString());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(0);
            assertThat(run.out()).contains("PASSED   health").contains("PASSED   version").contains("PASSED   api-orders")
                    .contains("PASS  orders-service: 3 passed, 0 failed");
        }
    }

    @Test
    void withoutAnOpenApiDocumentInitWritesAProbePerPlainGetHandlerFromActuatorsMappings() throws Exception {
        Path node = node("init-mappings");
        try (OrdersInstance orders = OrdersInstance.start("orders-service-1.0.1.jar", node,
                "--management.endpoints.web.exposure.include=health,info,mappings", "--springdoc.api-docs.enabled=false")) {
            Path suite = node.resolve("orders.yaml");

            PostPatchCommandLine.Result init = PostPatchCommandLine.run(node, "init", orders.url(""), "--out", suite.toString(),
                    "--timeout", SLOW_MACHINE);

            assertThat(init.exitCode()).as(init.toString()).isEqualTo(0);
            assertThat(init.out()).containsPattern("GET /v3/api-docs +404")
                    .containsPattern("GET /actuator/mappings +200  4 GET handlers without parameters")
                    .contains("suite orders-service, 5 probes (health, version, api-orders, orders, orders-new)")
                    .contains("GET / left out: it answered 302 to /orders.")
                    .contains("the probes below come from Actuator's mappings instead.");
            assertThat(Files.readString(suite))
                    .contains("  # GET /api/orders, from Actuator's mappings (OrderController#latest): it answered 200")
                    .contains("        headers: { Content-Type: { contains: json } }\n")
                    .contains("      get: ${base}/orders/new\n      expect: { status: 200 }\n");

            assertThat(PostPatchCommandLine.run(node, "validate", suite.toString()).exitCode()).isEqualTo(0);
            PostPatchCommandLine.Result run = PostPatchCommandLine.run(node, "run", "--ledger", "none", suite.toString());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(0);
            assertThat(run.out()).contains("PASS  orders-service: 5 passed, 0 failed");
        }
    }
}
