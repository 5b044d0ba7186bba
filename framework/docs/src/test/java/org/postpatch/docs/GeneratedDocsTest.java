package org.postpatch.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postpatch.spi.Binding;
import org.postpatch.spi.ProbeKind;
import org.postpatch.spi.ProbeKinds;
import org.postpatch.spi.Spec;

/** The schema and the key tables in the repository are what the kinds' declarations generate. */
class GeneratedDocsTest {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    static final String REGENERATE = "mvn -B -pl framework/docs -am process-classes -Pgenerate-docs";

    private final DocsGenerator generator = new DocsGenerator(ROOT);

    @Test
    void theCommittedSchemaAndKeyTablesAreWhatTheDeclarationsGenerate() throws Exception {
        List<String> stale = generator.stale().stream().map(file -> ROOT.relativize(file).toString()).toList();

        assertThat(stale).as("out of date, generated from the kinds' declarations; regenerate them with\n  " + REGENERATE
                + "\n(from the repository's root) and commit the result").isEmpty();
    }

    @Test
    void everyBuiltInKindDeclaresItsBlock() {
        ProbeKinds kinds = generator.kinds();

        assertThat(kinds.names()).containsExactly("classpath", "command", "file", "http", "java", "jdbc", "junit", "jvm",
                "tcp", "ui");
        assertThat(kinds.names()).allSatisfy(name ->
                assertThat(kinds.get(name).orElseThrow().declaration()).as(name).isPresent());
    }

    @Test
    void everyKindsTableIsInTheReadmes() throws Exception {
        String readmes = String.join("\n", generator.generated().values());

        for (String kind : List.of("tcp", "command", "file", "jvm", "classpath", "http", "jdbc", "junit", "ui")) {
            assertThat(readmes).as(kind).contains("<!-- keys:" + kind + " -->");
        }
    }

    @Test
    void aKindWithoutADeclarationIsAnyMapInTheSchema() throws Exception {
        ProbeKind free = new ProbeKind() {
            @Override
            public String name() {
                return "custom";
            }

            @Override
            public Binding bind(Spec spec) {
                return Binding.invalid();
            }
        };

        JsonNode schema = new ObjectMapper().readTree(ProbeFileSchema.render(ProbeKinds.of(free)));

        JsonNode probe = schema.path("definitions").path("probe");
        assertThat(probe.path("properties").path("custom").path("type").asText()).isEqualTo("object");
        assertThat(probe.path("properties").path("custom").has("additionalProperties")).isFalse();
        assertThat(probe.path("additionalProperties").path("type").asText()).isEqualTo("object");
    }

    @Test
    void aTableMarkerNamingNoDeclaredBlockIsRefusedWithTheDocumentAndTheName() {
        KeyTables tables = KeyTables.of(generator.kinds());

        assertThatThrownBy(() -> tables.rewrite("<!-- keys:tpc -->\n<!-- /keys -->\n", "probes/system/README.md"))
                .hasMessageStartingWith("probes/system/README.md: <!-- keys:tpc --> names no declared block; known: ");
        assertThatThrownBy(() -> tables.rewrite("<!-- keys:http.expect.snapshat -->\n<!-- /keys -->\n", "README.md"))
                .hasMessage("README.md: <!-- keys:http.expect.snapshat -->: 'snapshat' is not a declared key");
        assertThatThrownBy(() -> tables.rewrite("<!-- keys:tcp -->\n| Key |\n", "README.md"))
                .hasMessage("README.md: a <!-- keys:... --> marker has no <!-- /keys --> line after it");
    }

    @Test
    void aTableListsEveryDeclaredKeyWithItsTypeDefaultAndMeaningAndNestedBlocksDotted() {
        String table = KeyTables.of(generator.kinds()).rewrite("<!-- keys:jdbc -->\n<!-- /keys -->\n", "t.md");

        assertThat(table).startsWith("<!-- keys:jdbc -->\n| Key | Type | Default | Meaning |\n|---|---|---|---|\n")
                .contains("| `url` | string | *required* | The JDBC URL.")
                .contains("| `expect.within` | duration | none | A budget for the query")
                .endsWith("<!-- /keys -->\n");
    }
}
