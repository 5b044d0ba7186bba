package org.postpatch.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A report format: renders one run for a reader — CI, a browser, Prometheus. Every format takes the
 * same input, a {@link RunReport}, and is found by its name in {@link Reports}, for
 * {@code --report FORMAT=FILE} and the status endpoint alike.
 */
public interface Report {

    /** The format's name, as in {@code --report json=FILE}. */
    String name();

    /** The media type of what {@link #render} returns. */
    String contentType();

    /** The report of this run. */
    String render(RunReport run);

    /** Writes the report to a file, atomically: readers see the old file or the whole new one. */
    default void write(RunReport run, Path file) throws IOException {
        ReportFiles.write(file, render(run).getBytes(StandardCharsets.UTF_8));
    }
}
