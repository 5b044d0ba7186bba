package org.postpatch.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postpatch.spi.Binding;
import org.postpatch.spi.ProbeKind;
import org.postpatch.spi.ProbeKinds;
import org.postpatch.spi.Spec;

/**
 * The schema, the key tables and the reference in {@code docs/} are what the kinds' declarations and
 * the modules' READMEs generate.
 */
class GeneratedDocsTest {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    static final String REGENERATE = DocsGenerator.REGENERATE;

    private final DocsGenerator generator = new DocsGenerator(ROOT);

    @Test
    void everyGeneratedFileIsWhatTheGeneratorWrites() throws Exception {
        List<String> stale = generator.stale().stream().map(file -> ROOT.relativize(file).toString()).toList();

        assertThat(stale).as("out of date, generated from the kinds' declarations and the modules' READMEs; regenerate"
                + " them with\n  " + REGENERATE
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
    void theReferenceInDocsIsWhatTheModulesReadmesSay() throws Exception {
        Map<Path, String> generated = generator.generated();
        List<String> differing = new ArrayList<>();
        for (ModuleReference module : ModuleReference.in(ROOT)) {
            String committed = Files.isRegularFile(module.target()) ? Files.readString(module.target()) : "(no such file)";
            if (!committed.equals(generated.get(module.target()))) {
                differing.add(ROOT.relativize(module.target()) + " differs from " + ROOT.relativize(module.source()));
            }
        }

        assertThat(ModuleReference.in(ROOT)).extracting(module -> ROOT.relativize(module.target()).toString())
                .contains("docs/kinds/system.md", "docs/kinds/http.md", "docs/kinds/jdbc.md", "docs/kinds/junit.md",
                        "docs/kinds/ui.md", "docs/kinds/rest-assured.md", "docs/spring-boot.md");
        assertThat(differing).as("the reference in docs/ is copied from the modules' READMEs, which document each kind once;"
                + " edit the module's README, not its copy, then regenerate the copies with\n  " + REGENERATE
                + "\n(from the repository's root) and commit the result").isEmpty();
    }

    @Test
    void everyKindIsDocumentedOnceAndTheIndexLinksIt() throws Exception {
        String index = generator.generated().get(ROOT.resolve(KindIndex.FILE));

        for (String kind : generator.kinds().names()) {
            assertThat(index).as(kind).containsPattern("\\| `" + kind + "` \\| \\[[^]]+\\]\\([^)]+\\) \\| `[^`]+` \\|");
        }
        assertThat(index).contains("| `tcp` | [postpatch system probes](system.md#tcp) | `probes/system/README.md` |")
                .contains("| `http` | [`http` probes](http.md) | `probes/http/README.md` |")
                .contains("| `java` | [Java probes](../java-probes.md#the-java-kind) | `docs/java-probes.md` |");
    }

    @Test
    void theCheckOfTheCommittedRepositoryFindsNothingOutOfDate() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode = generator.run(true, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(exitCode).isZero();
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
