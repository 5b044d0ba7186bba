package org.postpatch.cli.init;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.LoaderOptions;

/** An OpenAPI 3.0 or 3.1 document, JSON or YAML, and its local references. */
public final class OpenApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML;

    static {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Target.MAX_BODY_BYTES); // SnakeYAML stops at 3 MB by default
        YAML = new ObjectMapper(YAMLFactory.builder().loaderOptions(options).build());
    }

    private final String location;
    private final JsonNode root;

    private OpenApiDocument(String location, JsonNode root) {
        this.location = location;
        this.root = root;
    }

    /**
     * Reads a document.
     *
     * @param location where it came from, for messages ({@code /v3/api-docs}, a file)
     * @throws IllegalArgumentException saying why this is not an OpenAPI 3 document
     */
    public static OpenApiDocument parse(String location, byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8).strip();
        JsonNode root;
        try {
            root = text.startsWith("{") ? JSON.readTree(text) : YAML.readTree(text);
        } catch (IOException | RuntimeException unreadable) {
            String reason = unreadable.getMessage() == null ? unreadable.getClass().getSimpleName()
                    : unreadable.getMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException(location + " is neither JSON nor YAML: " + reason);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(location + " is not an OpenAPI document (expected a map with 'openapi' and 'paths')");
        }
        if (root.has("swagger")) {
            throw new IllegalArgumentException(location + " is a Swagger " + root.path("swagger").asText()
                    + " document; postpatch init reads OpenAPI 3.0 and 3.1");
        }
        String version = root.path("openapi").asText("");
        if (!version.startsWith("3.")) {
            throw new IllegalArgumentException(location + " is not an OpenAPI 3 document"
                    + (version.isEmpty() ? " (no 'openapi' version in it)" : " (openapi: " + version + ")"));
        }
        return new OpenApiDocument(location, root);
    }

    public String location() {
        return location;
    }

    /** The {@code openapi} version: {@code 3.0.3}, {@code 3.1.0}. */
    public String version() {
        return root.path("openapi").asText();
    }

    /** True for 3.0, whose schemas are not quite JSON Schema ({@code nullable}, boolean exclusive bounds). */
    public boolean isOpenApi30() {
        return version().startsWith("3.0");
    }

    /** {@code info.title}, or "". */
    public String title() {
        return root.path("info").path("title").asText("");
    }

    public JsonNode root() {
        return root;
    }

    /**
     * The path of the first server's URL, which the document's paths are relative to: {@code ""},
     * {@code /api/v1}. Variables take their defaults; an absolute URL gives its path only, because init
     * probes the application it was pointed at, not the host the document names.
     */
    public String serverPath() {
        JsonNode server = root.path("servers").path(0);
        String url = server.path("url").asText("");
        for (String name : Text.names(server.path("variables"))) {
            url = url.replace("{" + name + "}", server.path("variables").path(name).path("default").asText(""));
        }
        int scheme = url.indexOf("://");
        if (scheme >= 0) {
            int path = url.indexOf('/', scheme + 3);
            url = path < 0 ? "" : url.substring(path);
        }
        return url.replaceAll("/+$", "");
    }

    /** The node a local reference ({@code #/components/schemas/Order}) points to, or null. */
    public JsonNode resolve(String ref) {
        if (!ref.startsWith("#")) {
            return null;
        }
        String pointer = ref.substring(1);
        if (pointer.contains("%")) {
            try {
                pointer = URLDecoder.decode(pointer.replace("+", "%2B"), StandardCharsets.UTF_8); // a URI fragment
            } catch (IllegalArgumentException notEncoded) {
                // a % that encodes nothing: the pointer as written
            }
        }
        try {
            JsonNode found = root.at(JsonPointer.compile(pointer));
            return found.isMissingNode() ? null : found;
        } catch (IllegalArgumentException notAPointer) {
            return null;
        }
    }

    /** The node itself, or what it refers to when it is a local {@code $ref} (responses, parameters); null if broken. */
    public JsonNode dereference(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.path("$ref").isTextual() && hops < 10; hops++) {
            current = resolve(current.get("$ref").textValue());
        }
        return current;
    }
}
