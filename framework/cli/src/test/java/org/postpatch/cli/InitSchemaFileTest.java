package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.cli.init.SuiteWriter;

/** The suite init writes names the probe-file schema by a path next to it, and init puts the schema there. */
class InitSchemaFileTest {

    @TempDir
    Path folder;

    private final Cli cli = new Cli();

    private static LoopbackApplication application() throws IOException {
        return LoopbackApplication.start().json("/health", 200, "{\"status\":\"UP\"}");
    }

    @Test
    void theSchemaTheFirstLineNamesIsWrittenNextToTheSuiteAndWorksOffline() throws IOException {
        Path suite = folder.resolve("probes/app.yaml");
        try (LoopbackApplication app = application()) {
            assertThat(cli.run("init", app.url(), "--out", suite.toString())).as(cli.err()).isEqualTo(0);
        }

        assertThat(Files.readString(suite)).startsWith("# yaml-language-server: $schema=probe-file.schema.json\n");
        assertThat(folder.resolve("probes/probe-file.schema.json"))
                .hasSameTextualContentAs(Path.of("../../docs/probe-file.schema.json"));
    }

    @Test
    void aSchemaAlreadyNextToTheSuiteIsLeftAsItIs() throws IOException {
        Path mine = Files.writeString(folder.resolve(SuiteWriter.PROBE_FILE_SCHEMA), "{ \"title\": \"mine\" }");
        try (LoopbackApplication app = application()) {
            assertThat(cli.run("init", app.url(), "--out", folder.resolve("app.yaml").toString())).as(cli.err()).isEqualTo(0);
        }

        assertThat(mine).hasContent("{ \"title\": \"mine\" }");
    }
}
