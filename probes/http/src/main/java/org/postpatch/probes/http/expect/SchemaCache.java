package org.postpatch.probes.http.expect;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of one run, each compiled once however many probes use it. Shared through
 * {@link org.postpatch.api.ProbeContext#shared}, so the schema library is loaded only by runs that
 * use a schema. Schemas without {@code $schema} are read as draft 2020-12.
 */
public final class SchemaCache implements AutoCloseable {

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    /**
     * The compiled schema.
     *
     * @throws IllegalStateException saying why the schema cannot be used
     */
    public Schema schema(SchemaSource source) {
        return compiled.computeIfAbsent(source.key(), key -> {
            try {
                return registry.getSchema(source.read());
            } catch (IOException | RuntimeException unusable) {
                throw new IllegalStateException("the JSON Schema " + source.name() + " cannot be used: "
                        + unusable.getClass().getSimpleName() + ": " + unusable.getMessage(), unusable);
            }
        });
    }

    @Override
    public void close() {
        compiled.clear();
    }
}
