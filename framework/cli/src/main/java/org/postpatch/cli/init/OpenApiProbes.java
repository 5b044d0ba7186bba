package org.postpatch.cli.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The probes an OpenAPI document gives: one per GET operation that needs no parameter and no
 * credentials, expecting the documented success status and, for a JSON response, its schema.
 */
final class OpenApiProbes {

    /**
     * The probes, and what was left out.
     *
     * @param probes     in the document's order, at most the cap
     * @param notes      operations left out, and why
     * @param operations how many operations the document has
     */
    record Selection(List<StarterProbe> probes, List<String> notes, int operations) {
    }

    private final OpenApiDocument document;
    private final Endpoints endpoints;

    OpenApiProbes(OpenApiDocument document, Endpoints endpoints) {
        this.document = document;
        this.endpoints = endpoints;
    }

    /**
     * @param prefix    what goes before the document's paths under {@code ${base}} (its server's path)
     * @param maxProbes the most probes to write; the rest are named in a note
     */
    Selection select(String prefix, int maxProbes) {
        List<StarterProbe> probes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> needParameters = new ArrayList<>();
        List<String> beyondCap = new ArrayList<>();
        int operations = 0;
        JsonNode paths = document.root().path("paths");
        for (String path : Text.names(paths)) {
            JsonNode item = document.dereference(paths.get(path));
            if (item == null) {
                continue;
            }
            for (String method : List.of("get", "put", "post", "delete", "options", "head", "patch", "trace")) {
                operations += item.has(method) ? 1 : 0;
            }
            JsonNode get = item.get("get");
            if (get == null) {
                continue;
            }
            String shown = "GET " + path;
            if (path.contains("{") || requiresParameter(item.path("parameters")) || requiresParameter(get.path("parameters"))) {
                needParameters.add(path);
            } else if (!credentialsFree(security(get))) {
                notes.add(shown + " needs credentials (security: " + String.join(", ", Text.names(security(get).path(0)))
                        + "): write its probe by hand, with a header from ${secret:NAME}.");
            } else if (Endpoints.looksStateChanging(path)) {
                notes.add(shown + " left out: its name suggests it changes something, and init only reads.");
            } else if (probes.size() >= maxProbes) {
                beyondCap.add(path);
            } else {
                probes.add(probe(prefix, path, get, notes));
            }
        }
        if (!needParameters.isEmpty()) {
            notes.add(needParameters.size() + " GET operation" + (needParameters.size() == 1 ? " needs" : "s need")
                    + " a parameter, which init cannot guess (write those probes by hand): " + Text.listed(needParameters) + ".");
        }
        if (!beyondCap.isEmpty()) {
            notes.add(beyondCap.size() + " more GET operation" + (beyondCap.size() == 1 ? "" : "s") + " without parameters left out"
                    + " to keep the file readable (at most " + maxProbes + " probes from the document; --max-probes N): "
                    + Text.listed(beyondCap) + ".");
        }
        return new Selection(probes, notes, operations);
    }

    private StarterProbe probe(String prefix, String path, JsonNode get, List<String> notes) {
        String status = successStatus(get.path("responses"));
        ObjectNode expect = JsonNodeFactory.instance.objectNode();
        if (status.matches("[0-9]{3}")) {
            expect.put("status", Integer.parseInt(status));
        } else {
            expect.put("status", status);
        }
        List<String> comments = new ArrayList<>();
        String operationId = get.path("operationId").asText("");
        String origin = "GET " + path + (operationId.isEmpty() ? "" : " (operation " + operationId + ")")
                + (get.path("deprecated").asBoolean(false) ? ", deprecated" : "") + ", from the OpenAPI document: status "
                + status;
        JsonNode response = document.dereference(get.path("responses").path(status.toUpperCase(Locale.ROOT)));
        Optional<String> mediaType = response == null ? Optional.empty() : jsonMediaType(response.path("content"));
        if (mediaType.isPresent()) {
            try {
                Optional<JsonNode> schema = SchemaBundler.bundle(document, response.path("content").path(mediaType.get()).path("schema"));
                schema.ifPresent(checked -> expect.set("schema", checked));
                origin += schema.isPresent() ? " and its response's JSON Schema." : ".";
            } catch (SchemaBundler.UnusableSchemaException unusable) {
                origin += "; its response schema is left out: " + unusable.getMessage() + ".";
                notes.add("GET " + path + ": status only, " + unusable.getMessage() + ".");
            }
        } else {
            origin += ".";
        }
        comments.add(origin);
        String summary = get.path("summary").asText("").strip();
        String description = summary.isEmpty() ? "GET " + path + " answers as the OpenAPI document says."
                : Yaml.commentText(summary);
        return new StarterProbe(endpoints.id(path), description, comments, false, List.of(),
                StarterProbe.get(Text.literal(Endpoints.encoded(prefix + path)), expect));
    }

    /** The lowest documented 2xx status, else "2xx" (for {@code 2XX}, {@code default} or none). */
    static String successStatus(JsonNode responses) {
        return Text.names(responses).stream().filter(code -> code.matches("2[0-9]{2}")).sorted().findFirst().orElse("2xx");
    }

    /** The JSON media type of a response's content: {@code application/json} first, then any JSON, then {@code *}{@code /*}. */
    static Optional<String> jsonMediaType(JsonNode content) {
        List<String> types = Text.names(content);
        return types.stream().filter(type -> type.toLowerCase(Locale.ROOT).startsWith("application/json")).findFirst()
                .or(() -> types.stream().filter(type -> type.toLowerCase(Locale.ROOT).contains("json")).findFirst())
                .or(() -> types.stream().filter(type -> type.equals("*/*") || type.equals("application/*")).findFirst());
    }

    private boolean requiresParameter(JsonNode parameters) {
        for (JsonNode parameter : parameters) {
            JsonNode resolved = document.dereference(parameter);
            if (resolved == null || resolved.path("required").asBoolean(false) || "path".equals(resolved.path("in").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The operation's security requirements, or the document's. */
    private JsonNode security(JsonNode operation) {
        return operation.has("security") ? operation.get("security") : document.root().path("security");
    }

    /** True when no credentials are needed: no security requirement, or an empty one ({@code {}}) among them. */
    private static boolean credentialsFree(JsonNode security) {
        if (!security.isArray() || security.isEmpty()) {
            return true;
        }
        for (JsonNode requirement : security) {
            if (requirement.isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
