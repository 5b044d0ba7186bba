package org.postpatch.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.postpatch.config.ConfigNode;
import org.postpatch.config.ConfigTreeReader;
import org.postpatch.config.Problems;

/** Reads a probe file with postpatch's own reader and validates it against a JSON Schema. */
final class ProbeFileValidator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Schema schema;

    ProbeFileValidator(String schema) {
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema);
    }

    /** The file as postpatch reads it, or empty when it is not YAML or JSON postpatch accepts. */
    static Optional<ConfigNode> read(String name, String content) {
        return new ConfigTreeReader().read(name, content.getBytes(StandardCharsets.UTF_8), new Problems());
    }

    /** What the schema finds wrong with the file, one line each; empty when it is valid. */
    List<String> errors(String name, String content) {
        Problems problems = new Problems();
        Optional<ConfigNode> tree = new ConfigTreeReader().read(name, content.getBytes(StandardCharsets.UTF_8), problems);
        if (tree.isEmpty()) {
            return problems.all().stream().map(problem -> name + ": not readable: " + problem).toList();
        }
        JsonNode plain = JSON.valueToTree(tree.get().toPlain());
        return schema.validate(plain).stream().map(error -> name + ": " + error).toList();
    }
}
