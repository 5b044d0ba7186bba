package org.postpatch.config;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Where something was declared: a file (or classpath resource) and a 1-based line and column.
 * Line and column are 0 when unknown, for example for a whole file or a Java probe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SourceLocation(String file, int line, int column) {

    /** A location naming a whole file. */
    public static SourceLocation ofFile(String file) {
        return new SourceLocation(file, 0, 0);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return file + ":" + line + ":" + column;
    }
}
