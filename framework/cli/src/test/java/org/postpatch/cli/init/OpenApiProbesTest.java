package org.postpatch.cli.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * From OpenAPI documents to probes, on real documents: orders-service's, as springdoc-openapi serves
 * it; a hand-written OpenAPI 3.1 catalogue in YAML; a hand-written OpenAPI 3.0 pet clinic in JSON.
 * Each schema written is checked the way the {@code http} kind checks it: JSON Schema 2020-12.
 */
class OpenApiProbesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @Test
    void ordersServiceSpringdocDocumentGivesAProbeForTheOrderListWithTheOrderSchemaWrittenIn() throws IOException {
        OpenApiProbes.Selection selection = select("orders-service-springdoc.json", 25);

        assertThat(ids(selection)).containsExactly("api-orders");
        StarterProbe orders = selection.probes().get(0);
        assertThat(orders.url()).isEqualTo("${base}/api/orders");
        assertThat(orders.http().path("expect").path("status").asInt()).isEqualTo(200);
        assertThat(orders.comments()).singleElement().asString().contains("GET /api/orders (operation latest)");
        assertThat(orders.schema().toString()).doesNotContain("$ref").doesNotContain("components");
        assertThat(violations(orders.schema(), """
                [{"id":"2b4c8f0e-1d7a-4c59-9a53-0c3c6a5b1e11","sku":"A-1","qty":2,"status":"NEW","createdAt":"2026-12-05T19:47:26.123Z"}]"""))
                .isEmpty();
        assertThat(violations(orders.schema(), "[{\"sku\":\"A-1\",\"qty\":\"two\",\"status\":\"LOST\"}]"))
                .hasSize(2).anySatisfy(problem -> assertThat(problem).contains("qty"))
                .anySatisfy(problem -> assertThat(problem).contains("status"));
        assertThat(selection.notes()).singleElement().asString()
                .contains("1 GET operation needs a parameter").contains("/api/orders/{id}");
    }

    @Test
    void getsThatNeedAParameterOrCredentialsOrLookLikeActionsAreLeftOutAndNamed() throws IOException {
        OpenApiProbes.Selection selection = select("catalog-3.1.yaml", 25);

        assertThat(ids(selection)).containsExactly("products", "categories", "featured", "ping", "robots.txt", "version");
        assertThat(selection.operations()).isEqualTo(11);
        assertThat(selection.notes()).anySatisfy(note -> assertThat(note).isEqualTo("GET /admin/stats needs credentials"
                        + " (security: bearer): write its probe by hand, with a header from ${secret:NAME}."))
                .anySatisfy(note -> assertThat(note).startsWith("GET /cache/clear left out: its name suggests it changes"))
                .anySatisfy(note -> assertThat(note).startsWith("2 GET operations need a parameter")
                        .contains("/products/{sku}, /search"));
    }

    @Test
    void everyProbeIsUnderTheServersPath() throws IOException {
        assertThat(select("catalog-3.1.yaml", 25).probes()).extracting(StarterProbe::url)
                .allSatisfy(url -> assertThat(url).startsWith("${base}/api/v2/"))
                .contains("${base}/api/v2/products", "${base}/api/v2/robots.txt");
        assertThat(select("pets-3.0.json", 25).probes()).extracting(StarterProbe::url)
                .containsExactly("${base}/pets", "${base}/owners");
    }

    @Test
    void aComponentUsedOnceIsWrittenInPlaceOneUsedTwiceOrRecursivelyUnderDefs() throws IOException {
        Map<String, StarterProbe> probes = byId(select("catalog-3.1.yaml", 25));

        JsonNode products = probes.get("products").schema();
        assertThat(products.has("$defs")).isFalse();
        assertThat(products.at("/properties/items/items/properties/price/properties/currency/enum")).hasSize(3);
        assertThat(products.at("/properties/next/type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(products.toString()).doesNotContain("description").doesNotContain("x-internal-note");

        JsonNode featured = probes.get("featured").schema();
        assertThat(featured.at("/properties/first/$ref").asText()).isEqualTo("#/$defs/Product");
        assertThat(featured.at("/properties/second/$ref").asText()).isEqualTo("#/$defs/Product");
        assertThat(featured.at("/$defs/Product/properties/price/required").toString()).isEqualTo("[\"amount\",\"currency\"]");

        JsonNode categories = probes.get("categories").schema();
        assertThat(categories.at("/items/$ref").asText()).isEqualTo("#/$defs/Category");
        assertThat(categories.at("/$defs/Category/properties/children/items/$ref").asText()).isEqualTo("#/$defs/Category");

        String product = "{\"sku\":\"B-7\",\"name\":\"Kettle\",\"price\":{\"amount\":24.9,\"currency\":\"EUR\"}}";
        assertThat(violations(products, "{\"items\":[" + product + "],\"total\":1,\"next\":null}")).isEmpty();
        assertThat(violations(products, "{\"items\":[{\"sku\":\"B-7\",\"name\":\"Kettle\",\"price\":{\"amount\":0,\"currency\":\"EUR\"}}],"
                + "\"total\":1}")).singleElement().asString().contains("amount");
        assertThat(violations(featured, "{\"first\":" + product + ",\"second\":{\"sku\":\"\"}}")).isNotEmpty();
        assertThat(violations(categories, "[{\"name\":\"Kitchen\",\"children\":[{\"name\":\"Kettles\",\"children\":[]}]}]")).isEmpty();
        assertThat(violations(categories, "[{\"name\":\"Kitchen\",\"children\":[{\"children\":[]}]}]")).isNotEmpty();
    }

    @Test
    void theStatusIsTheLowestDocumentedSuccessAndOnlyJsonAnswersGetASchema() throws IOException {
        Map<String, StarterProbe> probes = byId(select("catalog-3.1.yaml", 25));

        assertThat(probes.get("ping").http().path("expect").toString()).isEqualTo("{\"status\":204}");
        assertThat(probes.get("robots.txt").http().path("expect").toString()).isEqualTo("{\"status\":200}");
        assertThat(probes.get("version").http().path("expect").path("status").asText()).isEqualTo("2xx");
        assertThat(probes.get("version").hasSchema()).isTrue();
        assertThat(probes.get("products").description()).isEqualTo("The products on sale, newest first.");
        assertThat(probes.get("featured").description()).isEqualTo("GET /featured answers as the OpenAPI document says.");
    }

    @Test
    void textThatLooksLikeAVariableIsWrittenSoThatItStaysLiteral() throws IOException {
        JsonNode version = byId(select("catalog-3.1.yaml", 25)).get("version").schema();

        assertThat(version.at("/properties/template/const").asText()).isEqualTo("$${name}-$${version}");
        assertThat(version.at("/properties/version/pattern").asText()).isEqualTo("^[0-9]+\\.[0-9]+\\.[0-9]+$");
        assertThat(version.at("/properties/version").has("examples")).isFalse();
    }

    @Test
    void openApi30KeywordsBecomeJsonSchema() throws IOException {
        Map<String, StarterProbe> probes = byId(select("pets-3.0.json", 25));
        JsonNode pet = probes.get("pets").schema().path("items");

        assertThat(pet.at("/properties/owner/type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(pet.at("/properties/kind/enum").toString()).isEqualTo("[\"dog\",\"cat\",null]");
        assertThat(pet.at("/properties/weight").toString()).isEqualTo("{\"type\":\"number\",\"exclusiveMinimum\":0}");
        assertThat(pet.at("/properties/vet").toString()).isEqualTo("{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}");
        assertThat(pet.toString()).doesNotContain("example").doesNotContain("nullable");
        assertThat(violations(probes.get("pets").schema(),
                "[{\"id\":1,\"name\":\"Rex\",\"owner\":null,\"kind\":null,\"weight\":12.5},{\"id\":2,\"name\":\"Tom\",\"kind\":\"cat\"}]"))
                .isEmpty();
        assertThat(violations(probes.get("pets").schema(), "[{\"id\":1,\"name\":\"Rex\",\"weight\":0}]"))
                .singleElement().asString().contains("weight");
        // A response never carries a writeOnly property: required in the document, not in the probe.
        assertThat(violations(probes.get("owners").schema(), "[{\"name\":\"Ann Smith\"}]")).isEmpty();
        assertThat(violations(probes.get("owners").schema(), "[{}]")).singleElement().asString().contains("name");
    }

    @Test
    void aBigDocumentGivesAtMostTheCapAndNamesTheOperationsLeftOut() {
        StringBuilder paths = new StringBuilder();
        for (int n = 1; n <= 40; n++) {
            paths.append(n == 1 ? "" : ",").append("\"/reports/r").append(n).append("\":{\"get\":{\"responses\":{\"200\":{\"description\":\"ok\"}}}}");
        }
        OpenApiDocument document = OpenApiDocument.parse("big.json", ("{\"openapi\":\"3.0.1\",\"paths\":{" + paths + "}}")
                .getBytes(StandardCharsets.UTF_8));

        OpenApiProbes.Selection selection = new OpenApiProbes(document, new Endpoints()).select("", 25);

        assertThat(selection.probes()).hasSize(25);
        assertThat(selection.notes()).singleElement().asString()
                .startsWith("15 more GET operations without parameters left out to keep the file readable (at most 25 probes"
                        + " from the document; --max-probes N): /reports/r26, /reports/r27,")
                .endsWith("/reports/r33 and 7 more.");
    }

    @Test
    void aSchemaTooLongToReadOrOutsideTheDocumentLeavesTheStatusCheckAndSaysWhy() {
        StringBuilder properties = new StringBuilder();
        for (int n = 1; n <= 70; n++) {
            properties.append(n == 1 ? "" : ",").append("\"field").append(n).append("\":{\"type\":\"object\",\"properties\":{\"v\":{\"type\":\"string\",\"minLength\":")
                    .append(n).append("}}}");
        }
        OpenApiDocument document = OpenApiDocument.parse("wide.json", ("""
                {"openapi":"3.1.0","paths":{
                  "/wide":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{
                    "type":"object","properties":{%s}}}}}}}},
                  "/elsewhere":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{
                    "$ref":"common.yaml#/components/schemas/Thing"}}}}}}}}}""".formatted(properties)).getBytes(StandardCharsets.UTF_8));

        OpenApiProbes.Selection selection = new OpenApiProbes(document, new Endpoints()).select("", 25);

        assertThat(selection.probes()).noneMatch(StarterProbe::hasSchema).hasSize(2);
        assertThat(selection.notes()).containsExactly(
                "GET /wide: status only, its response schema is 212 lines long as YAML, too long to write into the probe"
                        + " readably (at most 120).",
                "GET /elsewhere: status only, its response schema refers to common.yaml#/components/schemas/Thing, outside"
                        + " the document.");
    }

    @Test
    void pathsWithCharactersAUrlCannotCarryArePercentEncoded() {
        OpenApiDocument document = OpenApiDocument.parse("files.yaml", """
                openapi: 3.0.1
                paths:
                  /files/annual report:
                    get: { responses: { 200: { description: ok } } }
                  /café/menu:
                    get: { responses: { 200: { description: ok } } }
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(new OpenApiProbes(document, new Endpoints()).select("", 25).probes())
                .extracting(StarterProbe::id, StarterProbe::url)
                .containsExactly(tuple("files-annual-report", "${base}/files/annual%20report"),
                        tuple("caf-menu", "${base}/caf%C3%A9/menu"));
    }

    @Test
    void documentsThatAreNotOpenApi3AreRefusedWithTheReason() {
        assertThatThrownBy(() -> OpenApiDocument.parse("/swagger.json", "{\"swagger\":\"2.0\",\"paths\":{}}".getBytes()))
                .hasMessage("/swagger.json is a Swagger 2.0 document; postpatch init reads OpenAPI 3.0 and 3.1");
        assertThatThrownBy(() -> OpenApiDocument.parse("/openapi.yaml", "<html>Not Found</html>".getBytes()))
                .hasMessageStartingWith("/openapi.yaml is not an OpenAPI document");
        assertThatThrownBy(() -> OpenApiDocument.parse("/openapi.json", "{\"paths\": {".getBytes()))
                .hasMessageStartingWith("/openapi.json is neither JSON nor YAML: ");
        assertThatThrownBy(() -> OpenApiDocument.parse("/openapi.yaml", "openapi: 4.0.0\npaths: {}\n".getBytes()))
                .hasMessage("/openapi.yaml is not an OpenAPI 3 document (openapi: 4.0.0)");
    }

    private static OpenApiProbes.Selection select(String resource, int max) throws IOException {
        OpenApiDocument document = OpenApiDocument.parse(resource, read(resource));
        String server = document.serverPath();
        return new OpenApiProbes(document, new Endpoints()).select(server, max);
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = OpenApiProbesTest.class.getResourceAsStream("/openapi/" + resource)) {
            return in.readAllBytes();
        }
    }

    private static List<String> ids(OpenApiProbes.Selection selection) {
        return selection.probes().stream().map(StarterProbe::id).toList();
    }

    private static Map<String, StarterProbe> byId(OpenApiProbes.Selection selection) {
        return selection.probes().stream().collect(Collectors.toMap(StarterProbe::id, Function.identity()));
    }

    /** What the http kind's schema check would say about this body. */
    private static List<String> violations(JsonNode schema, String body) throws IOException {
        String asLoaded = schema.toString().replace("$${", "${"); // as the probe file loader reads it back
        return SCHEMAS.getSchema(asLoaded).validate(JSON.readTree(body)).stream().map(Object::toString).toList();
    }
}
