package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.cli.init.SuiteWriter;

/** {@code postpatch init} against real HTTP applications on loopback: what it writes, says and refuses. */
class InitCommandTest {

    private static final String STOCK_API = """
            openapi: 3.1.0
            info: { title: stock, version: "1" }
            paths:
              /api/items:
                get:
                  summary: Every item in stock.
                  responses:
                    "200":
                      description: The items.
                      content:
                        application/json:
                          schema: { type: array, items: { $ref: "#/components/schemas/Item" } }
              /api/items/{sku}:
                get:
                  parameters: [{ name: sku, in: path, required: true, schema: { type: string } }]
                  responses: { "200": { description: One item. } }
              /api/stats:
                get:
                  responses: { "200": { description: Counters. } }
              /api/legacy-items:
                get:
                  responses:
                    "200":
                      description: The items, as the old clients read them.
                      content:
                        application/json:
                          schema: { type: array, items: { $ref: "#/components/schemas/Item" } }
            components:
              schemas:
                Item:
                  type: object
                  required: [sku, quantity]
                  properties: { sku: { type: string }, quantity: { type: integer } }
            """;

    @TempDir
    Path folder;

    private final Cli cli = new Cli();

    /** The stock service: documented at /openapi.yaml; /api/stats fails, /api/legacy-items breaks its schema. */
    private static LoopbackApplication stock(String items) throws IOException {
        return LoopbackApplication.start()
                .answer("/openapi.yaml", 200, "application/yaml", STOCK_API)
                .json("/health", 200, "{\"status\":\"UP\"}")
                .json("/api/items", 200, items)
                .json("/api/stats", 500, "{\"error\":\"counter store unavailable\"}")
                .json("/api/legacy-items", 200, "[{\"sku\":\"A-1\",\"qty\":3}]");
    }

    @Test
    void writesASuiteFromTheOpenApiDocumentThatValidatesAndRunsGreen() throws IOException {
        Path suite = folder.resolve("stock.yaml");
        try (LoopbackApplication app = stock("[{\"sku\":\"A-1\",\"quantity\":3}]")) {
            assertThat(cli.run("init", app.url(), "--out", suite.toString())).as(cli.err()).isEqualTo(0);

            assertThat(cli.out()).contains("Looking at " + app.url())
                    .containsPattern("GET /openapi.yaml +200  OpenAPI 3.1.0")
                    .containsPattern("GET /health +200  UP")
                    .containsPattern("PASSED +api-items +200 in [0-9]+ms \\(and its response schema\\)")
                    .containsPattern("PASSED +api-legacy-items +status only: the answer does not match the documented schema")
                    .containsPattern("LEFT OUT +api-stats +expected status 200 but was 500")
                    .contains("Wrote " + suite + ": suite stock, 3 probes (health, api-items, api-legacy-items).");
            String yaml = Files.readString(suite);
            assertThat(yaml).startsWith("# yaml-language-server: $schema=" + SuiteWriter.PROBE_FILE_SCHEMA + "\n")
                    .contains("suite: stock\n")
                    .contains("  base: ${env:STOCK_URL:-" + app.url() + "}")
                    .contains("      get: ${base}/health\n      expect: { status: 200, json: { $.status: UP } }\n")
                    .contains("    description: Every item in stock.\n")
                    .contains("        schema:\n          type: array\n          items:\n            type: object\n"
                            + "            required: [sku, quantity]\n")
                    .contains("# Its documented response schema is left out: the answer did not match it")
                    .contains("#   - ${base}/api/stats left out: expected status 200 but was 500")
                    .contains("GET operation needs a parameter").contains("/api/items/{sku}");

            assertThat(cli.run("validate", suite.toString())).as(cli.err()).isEqualTo(0);
            assertThat(cli.run("run", "--ledger", "none", suite.toString())).as(cli.out()).isEqualTo(0);
            assertThat(cli.out()).contains("PASSED   api-items").contains("PASS  stock: 3 passed, 0 failed");
        }
    }

    @Test
    void theWrittenSuiteRunsAgainstAnotherNodeAndCatchesABrokenContract() throws IOException {
        Path suite = folder.resolve("stock.yaml");
        try (LoopbackApplication first = stock("[{\"sku\":\"A-1\",\"quantity\":3}]");
             LoopbackApplication second = stock("[{\"sku\":\"B-2\",\"quantity\":0}]");
             LoopbackApplication patched = stock("[{\"sku\":\"A-1\",\"qty\":3}]")) {
            assertThat(cli.run("init", first.url(), "--out", suite.toString())).as(cli.err()).isEqualTo(0);

            assertThat(cli.run("run", "--ledger", "none", "--var", "base=" + second.url(), suite.toString())).as(cli.out()).isEqualTo(0);
            assertThat(cli.run("run", "--ledger", "none", "--var", "base=" + patched.url(), suite.toString())).isEqualTo(1);
            assertThat(cli.out()).contains("FAILED   api-items").contains("body does not match inline schema")
                    .contains("required property 'quantity' not found");
        }
    }

    @Test
    void withoutOutTheSuiteGoesToStandardOutputAndTheProgressToStandardError() throws IOException {
        try (LoopbackApplication app = stock("[]")) {
            assertThat(cli.run("init", app.url(), "--suite", "inventory")).as(cli.err()).isEqualTo(0);

            assertThat(cli.out()).startsWith("# yaml-language-server: $schema=").contains("suite: inventory\n")
                    .doesNotContain("Looking at");
            assertThat(cli.err()).contains("Looking at " + app.url()).contains("Printed suite inventory, 3 probes")
                    .contains("Next: postpatch validate FILE && postpatch run FILE");
        }
    }

    @Test
    void anApplicationWithNeitherActuatorNorOpenApiGetsAHealthProbeAndANoteOfWhatWasNotFound() throws IOException {
        Path suite = folder.resolve("plain.yaml");
        try (LoopbackApplication app = LoopbackApplication.start().answer("/", 200, "text/html", "<h1>Welcome</h1>")) {
            assertThat(cli.run("init", app.url(), "--out", suite.toString())).as(cli.err()).isEqualTo(0);

            assertThat(cli.out()).contains("Not discovered, or left out")
                    .contains("No Actuator health or version probe: nothing of Spring Boot Actuator answered at /actuator")
                    .contains("No OpenAPI document at /v3/api-docs, /openapi.json, /openapi.yaml: give one with --openapi FILE|URL")
                    .contains("No health endpoint found (Actuator's, /health, /healthz, /readyz, /status, /ping)")
                    .contains("the suite is called application; give --suite NAME");
            assertThat(Files.readString(suite)).contains("#   - No OpenAPI document at")
                    .contains("  - id: health\n    description: The application answers at its root URL.\n")
                    .contains("      get: ${base}/\n      expect: { status: 200 }\n");
            assertThat(cli.run("run", "--ledger", "none", suite.toString())).as(cli.out()).isEqualTo(0);
        }
    }

    @Test
    void actuatorThatWantsCredentialsIsNamedAndNoCredentialIsWritten() throws IOException {
        Path suite = folder.resolve("locked.yaml");
        try (LoopbackApplication app = LoopbackApplication.start()
                .json("/actuator", 401, "{\"error\":\"unauthorized\"}")
                .json("/actuator/health", 401, "{\"error\":\"unauthorized\"}")
                .json("/healthz", 200, "{\"status\":\"ok\"}")) {
            assertThat(cli.run("init", app.url(), "--out", suite.toString())).as(cli.err()).isEqualTo(0);

            assertThat(cli.out()).contains("Actuator at /actuator wants credentials (401): postpatch init uses none.");
            String yaml = Files.readString(suite);
            assertThat(yaml).contains("get: ${base}/healthz").contains("json: { $.status: ok }")
                    .contains("#   - Actuator's health at /actuator/health wants credentials (401)");
            assertThat(yaml.lines().filter(line -> !line.strip().startsWith("#"))).noneMatch(line -> line.contains("Authorization"));
        }
    }

    @Test
    void anEndpointThatNeverAnswersCostsTheTimeoutAndIsNamed() throws IOException {
        Path suite = folder.resolve("slow.yaml");
        try (LoopbackApplication app = stock("[]").hang("/v3/api-docs")) {
            assertThat(cli.run("init", app.url(), "--timeout", "1s", "--out", suite.toString())).as(cli.err()).isEqualTo(0);

            assertThat(cli.out()).containsPattern("GET /v3/api-docs +no answer: GET /v3/api-docs: no complete answer within 1s")
                    .containsPattern("GET /openapi.yaml +200  OpenAPI 3.1.0");
            assertThat(Files.readString(suite)).contains("timeout: 1s").contains("- id: api-items");
        }
    }

    @Test
    void anAnswerTooHeavyForEveryPatchIsLeftOut() throws IOException {
        String items = "[" + "{\"sku\":\"A-1\",\"quantity\":3},".repeat(50_000) + "{\"sku\":\"Z\",\"quantity\":1}]";
        try (LoopbackApplication app = stock(items)) {
            assertThat(cli.run("init", app.url(), "--out", folder.resolve("heavy.yaml").toString())).as(cli.err()).isEqualTo(0);

            assertThat(cli.out()).containsPattern("LEFT OUT +api-items +answered 1[0-9]{6} bytes")
                    .contains("${base}/api/items left out: it answered");
        }
    }

    @Test
    void aGivenOpenApiDocumentIsUsedInsteadOfLookingForOne() throws IOException {
        Path document = Files.writeString(folder.resolve("stock-api.yaml"), STOCK_API);
        try (LoopbackApplication app = LoopbackApplication.start().json("/health", 200, "{\"status\":\"UP\"}")
                .json("/api/items", 200, "[]").json("/api/stats", 200, "{}").json("/api/legacy-items", 200, "[]")) {
            assertThat(cli.run("init", app.url(), "--openapi", document.toString(), "--out", folder.resolve("s.yaml").toString()))
                    .as(cli.err()).isEqualTo(0);

            assertThat(cli.out()).doesNotContain("GET /v3/api-docs").contains(document + ": OpenAPI 3.1.0")
                    .contains("suite stock, 4 probes (health, api-items, api-stats, api-legacy-items)");
        }
    }

    @Test
    void aGivenOpenApiDocumentThatIsMissingOrNotOpenApi3IsBadInputAndWritesNothing() throws IOException {
        Path swagger = Files.writeString(folder.resolve("swagger.json"), "{\"swagger\":\"2.0\",\"paths\":{}}");
        Path out = folder.resolve("never.yaml");
        try (LoopbackApplication app = stock("[]")) {
            assertThat(cli.run("init", app.url(), "--openapi", folder.resolve("missing.yaml").toString(), "--out", out.toString()))
                    .isEqualTo(2);
            assertThat(cli.err()).contains("postpatch: --openapi " + folder.resolve("missing.yaml") + ": no such file");
            assertThat(cli.run("init", app.url(), "--openapi", swagger.toString(), "--out", out.toString())).isEqualTo(2);
            assertThat(cli.err()).contains(swagger + " is a Swagger 2.0 document; postpatch init reads OpenAPI 3.0 and 3.1");
            assertThat(cli.run("init", app.url(), "--openapi", app.url() + "/nowhere.json", "--out", out.toString())).isEqualTo(2);
            assertThat(cli.err()).contains("--openapi " + app.url() + "/nowhere.json: it answered 404");
            String silent = "http://127.0.0.1:" + closedPort() + "/openapi.json";
            assertThat(cli.run("init", app.url(), "--openapi", silent, "--out", out.toString())).isEqualTo(2);
            assertThat(cli.err()).contains("--openapi " + silent + ": GET " + silent + ": cannot connect to 127.0.0.1:");
        }
        assertThat(out).doesNotExist();
    }

    @Test
    void textOfTheDocumentThatLooksLikeAVariableStaysLiteralInTheSuite() throws IOException {
        Path suite = folder.resolve("templates.yaml");
        try (LoopbackApplication app = LoopbackApplication.start()
                .json("/health", 200, "{\"status\":\"UP\"}")
                .json("/api/template", 200, "{\"text\":\"Dear ${name}\"}")
                .answer("/openapi.json", 200, "application/json", """
                        {"openapi":"3.0.3","info":{"title":"letters","version":"1"},"paths":{"/api/template":{"get":{
                          "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{
                            "type":"object","required":["text"],"properties":{"text":{"const":"Dear ${name}"}}}}}}}}}}}""")) {
            assertThat(cli.run("init", app.url(), "--out", suite.toString())).as(cli.err()).isEqualTo(0);

            assertThat(cli.out()).containsPattern("PASSED +api-template +200 in [0-9]+ms \\(and its response schema\\)");
            assertThat(Files.readString(suite)).contains("properties: { text: { const: \"Dear $${name}\" } }");
            assertThat(cli.run("run", "--ledger", "none", suite.toString())).as(cli.out()).isEqualTo(0);
        }
    }

    @Test
    void anOutFileThatExistsIsRefusedUnlessForced() throws IOException {
        Path suite = Files.writeString(folder.resolve("mine.yaml"), "suite: handwritten\n");
        try (LoopbackApplication app = stock("[]")) {
            assertThat(cli.run("init", app.url(), "--out", suite.toString())).isEqualTo(2);
            assertThat(cli.err()).contains("postpatch: --out " + suite + " exists: give --force to replace it");
            assertThat(suite).hasContent("suite: handwritten\n");

            assertThat(cli.run("init", app.url(), "--out", suite.toString(), "--force")).as(cli.err()).isEqualTo(0);
            assertThat(Files.readString(suite)).contains("suite: stock");
            // No draft left behind: only the suite, and the schema its first line names.
            assertThat(folder.toFile().list()).containsExactlyInAnyOrder("mine.yaml", SuiteWriter.PROBE_FILE_SCHEMA);
        }
    }

    @Test
    void nothingAnsweringIsExitThreeAndWritesNothing() throws IOException {
        int closedPort = closedPort();
        Path out = folder.resolve("none.yaml");

        assertThat(cli.run("init", "http://127.0.0.1:" + closedPort, "--out", out.toString())).isEqualTo(3);

        assertThat(cli.err()).contains("postpatch: could not complete: nothing answers at http://127.0.0.1:" + closedPort
                + ": GET /: cannot connect to 127.0.0.1:" + closedPort + ": Connection refused. Is the application running there?"
                + " Nothing was written.");
        assertThat(out).doesNotExist();
    }

    @Test
    void aUrlThatIsNotAnApplicationsBaseUrlIsBadInput() {
        assertThat(cli.run("init", "ftp://files.example/")).isEqualTo(2);
        assertThat(cli.err()).contains("expected the application's http:// or https:// URL with a host, found 'ftp://files.example/'");
        assertThat(cli.run("init", "http://ops:hunter2@localhost:8080")).isEqualTo(2);
        assertThat(cli.err()).contains("give the URL without a user and password").doesNotContain("hunter2");
        assertThat(cli.run("init", "http://localhost:8080/?debug=1")).isEqualTo(2);
        assertThat(cli.err()).contains("without ?query or #fragment");
        assertThat(cli.run("init", "http://localhost:8080", "--max-probes", "0")).isEqualTo(2);
        assertThat(cli.err()).contains("--max-probes must be at least 1, was 0");
    }

    @Test
    void helpSaysWhatInitDoesAndItsOptions() {
        assertThat(cli.run("init", "--help")).isEqualTo(0);
        assertThat(cli.out()).contains("Usage: postpatch init").contains("--out=FILE").contains("--openapi=FILE|URL")
                .contains("--force").contains("--timeout=DURATION").contains("--max-probes=N").contains("--suite=NAME")
                .contains("Exit codes:").contains("nothing answers at URL");
        assertThat(cli.run("--help")).isEqualTo(0);
        assertThat(cli.out()).contains("init");
    }

    /** A port nothing listens on (it was free a moment ago). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
