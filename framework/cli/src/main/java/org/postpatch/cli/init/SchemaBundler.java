package org.postpatch.cli.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A response's schema as one self-contained JSON Schema (draft 2020-12) for a probe's {@code schema:}:
 * the components it refers to ({@code $ref: '#/components/schemas/Order'}) are written into it — in
 * place when used once, under {@code $defs} when used more often or recursively — so the probe needs
 * neither the OpenAPI document nor a schema file.
 */
final class SchemaBundler {

    /** A schema longer than this, written as YAML, would bury the probe file: the probe checks the status only. */
    static final int MAX_LINES = 120;

    /** Probe files nest at most 40 levels ({@code ConfigTreeReader.MAX_DEPTH}); the probe itself takes a few. */
    static final int MAX_DEPTH = 30;

    private static final Set<String> ONE_SCHEMA = Set.of("items", "additionalProperties", "not", "contains", "propertyNames",
            "if", "then", "else", "unevaluatedItems", "unevaluatedProperties", "additionalItems");
    private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "$defs", "definitions",
            "dependentSchemas");

    /** Why a schema cannot be written into a probe. */
    static final class UnusableSchemaException extends Exception {
        private static final long serialVersionUID = 1L;

        UnusableSchemaException(String message) {
            super(message);
        }
    }

    private final OpenApiDocument document;
    private final Map<String, Integer> uses = new HashMap<>();
    private final Map<String, Set<String>> refersTo = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final ObjectNode defs = JsonNodeFactory.instance.objectNode();

    private SchemaBundler(OpenApiDocument document) {
        this.document = document;
    }

    /**
     * The self-contained schema; empty when it checks nothing (no schema, {@code {}} or {@code true}).
     *
     * @throws UnusableSchemaException naming what stands in the way: an external or broken $ref, the size
     */
    static Optional<JsonNode> bundle(OpenApiDocument document, JsonNode schema) throws UnusableSchemaException {
        if (schema == null || schema.isMissingNode() || schema.isNull()) {
            return Optional.empty();
        }
        SchemaBundler bundler = new SchemaBundler(document);
        bundler.count(schema);
        JsonNode bundled = bundler.transform(schema);
        if (bundled.isBoolean() || bundled.isEmpty()) {
            return Optional.empty();
        }
        if (!bundler.defs.isEmpty()) {
            ((ObjectNode) bundled).set("$defs", bundler.defs);
        }
        StringBuilder yaml = new StringBuilder();
        Yaml.block(yaml, 0, bundled);
        long lines = yaml.chars().filter(c -> c == '\n').count();
        if (lines > MAX_LINES) {
            throw new UnusableSchemaException("its response schema is " + lines + " lines long as YAML, too long to write into"
                    + " the probe readably (at most " + MAX_LINES + ")");
        }
        if (depth(bundled) > MAX_DEPTH) {
            throw new UnusableSchemaException("its response schema nests deeper than " + MAX_DEPTH + " levels, more than a probe"
                    + " file may");
        }
        return Optional.of(Text.literal(bundled));
    }

    private static int depth(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
        }
        return node.isContainerNode() ? deepest + 1 : 0;
    }

    /** Counts the uses of every component reachable from {@code schema}, and which refer to which. */
    private void count(JsonNode schema) throws UnusableSchemaException {
        List<String> first = references(schema);
        first.forEach(this::used);
        Deque<String> pending = new ArrayDeque<>(first);
        while (!pending.isEmpty()) {
            String ref = pending.pop();
            if (refersTo.containsKey(ref)) {
                continue;
            }
            List<String> inner = references(target(ref));
            refersTo.put(ref, new LinkedHashSet<>(inner));
            inner.forEach(this::used);
            pending.addAll(inner);
        }
    }

    private void used(String ref) {
        uses.merge(ref, 1, Integer::sum);
    }

    /** Every $ref in a tree, as often as it is written there. */
    private static List<String> references(JsonNode node) {
        List<String> found = new ArrayList<>();
        collect(node, found);
        return found;
    }

    private static void collect(JsonNode node, List<String> found) {
        if (node.isObject() && node.path("$ref").isTextual()) {
            found.add(node.get("$ref").textValue());
        }
        for (JsonNode child : node) {
            collect(child, found);
        }
    }

    private JsonNode target(String ref) throws UnusableSchemaException {
        if (!ref.startsWith("#/")) {
            throw new UnusableSchemaException("its response schema refers to " + ref + ", outside the document");
        }
        JsonNode target = document.resolve(ref);
        if (target == null) {
            throw new UnusableSchemaException("its response schema refers to " + ref + ", which is not in the document");
        }
        return target;
    }

    private boolean recursive(String ref) {
        Set<String> visited = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(refersTo.getOrDefault(ref, Set.of()));
        while (!pending.isEmpty()) {
            String next = pending.pop();
            if (next.equals(ref)) {
                return true;
            }
            if (visited.add(next)) {
                pending.addAll(refersTo.getOrDefault(next, Set.of()));
            }
        }
        return false;
    }

    /** The schema at a schema position, its references written in or pointed to under $defs. */
    private JsonNode transform(JsonNode schema) throws UnusableSchemaException {
        if (!schema.isObject()) {
            return schema;
        }
        boolean openApi30 = document.isOpenApi30();
        if (schema.path("$ref").isTextual()) {
            String ref = schema.get("$ref").textValue();
            ObjectNode siblings = SchemaDialect.translate((ObjectNode) schema, openApi30);
            siblings.remove("$ref");
            if (openApi30) {
                siblings.removeAll(); // OpenAPI 3.0: keywords beside $ref are ignored
            }
            if (siblings.isEmpty() && uses.getOrDefault(ref, 0) <= 1 && !recursive(ref)) {
                return transform(target(ref));
            }
            ObjectNode pointer = JsonNodeFactory.instance.objectNode().put("$ref", "#/$defs/" + define(ref));
            return siblings.isEmpty() ? pointer : subSchemas(pointer.setAll(siblings));
        }
        return subSchemas(SchemaDialect.translate((ObjectNode) schema, openApi30));
    }

    private ObjectNode subSchemas(ObjectNode schema) throws UnusableSchemaException {
        for (String keyword : Text.names(schema)) {
            JsonNode value = schema.get(keyword);
            if (ONE_SCHEMA.contains(keyword)) {
                schema.set(keyword, transform(value));
            } else if (SCHEMA_LISTS.contains(keyword) && value.isArray()) {
                ArrayNode items = JsonNodeFactory.instance.arrayNode();
                for (JsonNode item : value) {
                    items.add(transform(item));
                }
                schema.set(keyword, items);
            } else if (SCHEMA_MAPS.contains(keyword) && value.isObject()) {
                ObjectNode map = JsonNodeFactory.instance.objectNode();
                for (String name : Text.names(value)) {
                    map.set(name, transform(value.get(name)));
                }
                schema.set(keyword, map);
            }
        }
        return schema;
    }

    /** The name of a component under $defs, written there the first time. */
    private String define(String ref) throws UnusableSchemaException {
        String known = names.get(ref);
        if (known != null) {
            return known;
        }
        String stem = ref.substring(ref.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9_.-]", "_");
        String name = stem.isEmpty() ? "schema" : stem;
        for (int n = 2; defs.has(name); n++) {
            name = stem + "_" + n;
        }
        names.put(ref, name);
        defs.putObject(name); // taken before its content, which may refer to it
        defs.set(name, transform(target(ref)));
        return name;
    }
}
