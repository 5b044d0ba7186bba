package org.postpatch.cli.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * One OpenAPI schema object as JSON Schema draft 2020-12, the dialect of the {@code http} kind's
 * {@code schema:} expectation: OpenAPI 3.0's own keywords translated ({@code nullable}, boolean
 * {@code exclusiveMinimum}), and what only documents (descriptions, examples, XML names) left out, so
 * that the written schema is short and says only what is checked. Keywords of this one object only;
 * {@link SchemaBundler} walks the tree.
 */
final class SchemaDialect {

    /** Annotations: they check nothing, and examples could carry data nobody meant to write into a probe file. */
    private static final Set<String> DOCUMENTATION = Set.of("description", "title", "example", "examples", "externalDocs",
            "xml", "discriminator", "deprecated", "readOnly", "writeOnly", "default", "$comment", "$schema", "$id");

    private SchemaDialect() {
    }

    /** The schema object with its own keywords translated; its sub-schemas are the caller's. */
    static ObjectNode translate(ObjectNode schema, boolean openApi30) {
        ObjectNode out = schema.deepCopy();
        out.remove(DOCUMENTATION);
        Text.names(schema).stream().filter(name -> name.startsWith("x-")).forEach(out::remove);
        withoutWriteOnlyRequirements(schema, out);
        if (!openApi30) {
            return out;
        }
        exclusive(out, "exclusiveMinimum", "minimum");
        exclusive(out, "exclusiveMaximum", "maximum");
        boolean nullable = out.path("nullable").asBoolean(false);
        out.remove("nullable");
        return nullable ? nullable(out) : out;
    }

    /** 3.0: {@code exclusiveMinimum: true} qualifies {@code minimum}; 2020-12 gives the bound itself. */
    private static void exclusive(ObjectNode schema, String exclusive, String bound) {
        JsonNode flag = schema.get(exclusive);
        if (flag == null || !flag.isBoolean()) {
            return;
        }
        schema.remove(exclusive);
        if (flag.booleanValue() && schema.has(bound)) {
            schema.set(exclusive, schema.remove(bound));
        }
    }

    /** 3.0's {@code nullable: true}: null is allowed too. */
    private static ObjectNode nullable(ObjectNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            schema.set("type", JsonNodeFactory.instance.arrayNode().add(type.textValue()).add("null"));
            if (schema.get("enum") instanceof ArrayNode values && !hasNull(values)) {
                values.addNull();
            }
            return schema;
        }
        ObjectNode either = JsonNodeFactory.instance.objectNode();
        either.putArray("anyOf").add(schema).addObject().put("type", "null");
        return either;
    }

    private static boolean hasNull(ArrayNode values) {
        for (JsonNode value : values) {
            if (value.isNull()) {
                return true;
            }
        }
        return false;
    }

    /** A response never carries writeOnly properties, so they cannot be required in it. */
    private static void withoutWriteOnlyRequirements(ObjectNode original, ObjectNode out) {
        JsonNode required = original.get("required");
        JsonNode properties = original.get("properties");
        if (!(required instanceof ArrayNode) || properties == null) {
            return;
        }
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        for (JsonNode name : required) {
            if (!properties.path(name.asText()).path("writeOnly").asBoolean(false)) {
                kept.add(name);
            }
        }
        if (kept.isEmpty()) {
            out.remove("required");
        } else {
            out.set("required", kept);
        }
    }
}
