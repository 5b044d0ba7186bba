package org.postpatch.probes.http.expect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a JSON Schema comes from: a file next to the probe file, a classpath resource (for probe
 * files on the classpath), or written inline in the probe file.
 *
 * @param name     how messages name it: the path as written, or "inline schema"
 * @param file     the file, or null
 * @param resource the classpath resource, or null
 * @param inline   the schema as JSON text, or null
 */
public record SchemaSource(String name, Path file, String resource, String inline) {

    public static SchemaSource ofFile(String name, Path file) {
        return new SchemaSource(name, file, null, null);
    }

    public static SchemaSource ofResource(String name, String resource) {
        return new SchemaSource(name, null, resource, null);
    }

    public static SchemaSource ofInline(String json) {
        return new SchemaSource("inline schema", null, null, json);
    }

    /** A key that is equal for the same schema, to compile it once per run. */
    String key() {
        return file != null ? "file:" + file.toAbsolutePath().normalize()
                : resource != null ? "classpath:" + resource : "inline:" + inline;
    }

    /** The schema's text. */
    String read() throws IOException {
        if (inline != null) {
            return inline;
        }
        if (file != null) {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("not found on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
