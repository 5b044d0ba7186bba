package org.postpatch.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.postpatch.config.ProbeFileFormat;
import org.postpatch.spi.ProbeKind;
import org.postpatch.spi.ProbeKinds;
import org.postpatch.spi.Shape;

/**
 * The JSON Schema (draft-07, which editors' YAML support reads) of a probe file: the file's keys, the
 * keys every probe has, and each kind's block from its declaration. A key that no declared kind
 * knows is taken for a kind the schema does not know, whose block is any map.
 */
public final class ProbeFileSchema {

    /** Where the schema is kept, from the repository's root. */
    public static final String FILE = "docs/probe-file.schema.json";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ProbeFileSchema() {
    }

    /** The schema for these kinds, as the text written to {@link #FILE}. */
    public static String render(ProbeKinds kinds) {
        ObjectNode schema = JSON.objectNode()
                .put("$schema", "http://json-schema.org/draft-07/schema#")
                .put("title", "postpatch probe file")
                .put("description", "A postpatch probe file (YAML or JSON). Generated from the probe kinds' declarations by"
                        + " org.postpatch.docs.DocsGenerator: do not edit.");
        schema.setAll(ShapeSchema.block(ProbeFileFormat.FILE));
        ObjectNode probes = (ObjectNode) schema.get("properties").get("probes");
        probes.set("items", JSON.objectNode().put("$ref", "#/definitions/probe"));
        ObjectNode definitions = schema.putObject("definitions");
        definitions.set("variable", ShapeSchema.variable());
        definitions.set("probe", probe(kinds));
        try {
            // One key per line on every platform; short arrays (types, enums) stay on one line.
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
            return new ObjectMapper().writer(printer).writeValueAsString(schema) + "\n";
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("the schema cannot be written: " + impossible.getMessage(), impossible);
        }
    }

    /** A probe: its common keys, one key per kind (sorted by name), and any map for a kind not known here. */
    private static ObjectNode probe(ProbeKinds kinds) {
        ObjectNode probe = ShapeSchema.block(ProbeFileFormat.PROBE);
        ObjectNode properties = (ObjectNode) probe.get("properties");
        for (String name : kinds.names()) {
            ProbeKind kind = kinds.get(name).orElseThrow();
            Optional<Shape> declared = kind.declaration();
            ObjectNode block = declared.map(ShapeSchema::of).orElseGet(() -> JSON.objectNode().put("type", "object"));
            ObjectNode described = JSON.objectNode().put("description", "The " + name + " kind's block.");
            described.setAll(block);
            properties.set(name, described);
        }
        probe.set("additionalProperties", JSON.objectNode().put("type", "object")
                .put("description", "The block of a probe kind this schema does not know: any map."));
        return probe;
    }
}
