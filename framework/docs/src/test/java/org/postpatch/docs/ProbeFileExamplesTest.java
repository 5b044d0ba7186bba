package org.postpatch.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.postpatch.docs.GeneratedDocsTest.ROOT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.postpatch.config.ConfigNode;

/**
 * Every probe file in the repository and every probe-file example in the READMEs and in docs/ is
 * valid against the committed schema, read by postpatch's own reader: what an editor shows is what
 * postpatch says.
 */
class ProbeFileExamplesTest {

    private final ProbeFileValidator validator = validator();

    private static ProbeFileValidator validator() {
        try {
            return new ProbeFileValidator(Files.readString(ROOT.resolve(ProbeFileSchema.FILE)));
        } catch (IOException unreadable) {
            throw new IllegalStateException("no schema at " + ProbeFileSchema.FILE + ": " + unreadable.getMessage(), unreadable);
        }
    }

    @Test
    void everyProbeFileInTheRepositoryIsValidAgainstTheSchema() throws IOException {
        List<Path> files = probeFiles();
        List<String> errors = new ArrayList<>();
        for (Path file : files) {
            errors.addAll(validator.errors(ROOT.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8)));
        }

        assertThat(files).extracting(file -> ROOT.relativize(file).toString())
                .contains("examples/system.yaml", "sample-apps/orders-service/shared/src/main/resources/postpatch/api.yaml",
                        "sample-apps/inventory-legacy/src/main/resources/postpatch/inventory.yaml");
        assertThat(errors).isEmpty();
    }

    @Test
    void everyProbeFileExampleInTheReadmesAndDocsIsValidAgainstTheSchema() throws IOException {
        List<Path> readmes = RepositoryDocuments.markdown(ROOT);
        List<MarkdownExamples.Example> examples = new ArrayList<>();
        for (Path readme : readmes) {
            examples.addAll(MarkdownExamples.in(ROOT.relativize(readme).toString(), Files.readString(readme)));
        }
        List<String> errors = new ArrayList<>();
        for (MarkdownExamples.Example example : examples) {
            List<String> found = validator.errors(example.where(), example.probeFile());
            if (example.mark() == MarkdownExamples.Mark.NONE) {
                errors.addAll(found);
            } else if (example.mark() == MarkdownExamples.Mark.INVALID && found.isEmpty()) {
                errors.add(example.where() + ": marked <!-- example: invalid --> but valid against the schema");
            }
        }

        assertThat(readmes).extracting(readme -> ROOT.relativize(readme).toString())
                .contains("README.md", "probes/http/README.md", "docs/probe-files.md", "docs/kinds/http.md");
        assertThat(examples).as("examples found").hasSizeGreaterThan(20);
        assertThat(errors).isEmpty();
    }

    @Test
    void theSchemaRefusesWhatPostpatchRefuses() {
        String file = """
                suite: typos
                defaults: { timout: 5s }
                probes:
                  - id: db
                    tcp: { host: localhost, port: 70000, banner: 220, bannerMatchs: "^220" }
                    severity: fatal
                  - id: health
                    http: { get: "http://localhost/", expect: { status: 200, within: soon } }
                    timout: 5s
                """;

        assertThat(String.join("\n", validator.errors("typos.yaml", file)))
                .contains("/defaults: property 'timout' is not defined")
                .contains("/probes/0/tcp/port: must have a maximum value of 65535")
                .contains("/probes/0/tcp: property 'bannerMatchs' is not defined")
                .contains("/probes/0/severity: does not have a value in the enumeration [\"critical\", \"warning\"]")
                .contains("/probes/1/http/expect/within: does not match")
                .contains("/probes/1/timout: string found, object expected");
    }

    @Test
    void placeholdersQuotedNumbersAndCustomKindsAreAsValidAsPostpatchFindsThem() {
        String file = """
                suite: lenient
                vars: { port: "5432" }
                probes:
                  - id: db
                    tcp: { host: localhost, port: "${port}" }
                    retry: { until: 60s }
                  - id: quoted
                    tcp: { host: localhost, port: "5432" }
                    latency: false
                  - id: mine
                    custom: { anything: [1, 2] }
                """;

        assertThat(validator.errors("lenient.yaml", file)).isEmpty();
    }

    @Test
    void aReadmeExampleIsReadAsTheFragmentItIsAndItsMarkIsHonoured() {
        List<MarkdownExamples.Example> examples = MarkdownExamples.in("R.md", """
                Items:

                ```yaml
                - id: db
                  tcp: { host: localhost, port: 5432 }
                ```
                A mistake, shown on purpose:

                <!-- example: invalid -->
                ```yaml
                - id: db
                  tcp: { host: localhost, port: 70000 }
                ```
                """);

        assertThat(examples).extracting(MarkdownExamples.Example::where).containsExactly("R.md:3", "R.md:10");
        assertThat(examples.get(0).mark()).isEqualTo(MarkdownExamples.Mark.NONE);
        assertThat(examples.get(0).probeFile()).isEqualTo("suite: example\nprobes:\n  - id: db\n"
                + "    tcp: { host: localhost, port: 5432 }\n");
        assertThat(validator.errors("a", examples.get(0).probeFile())).isEmpty();
        assertThat(examples.get(1).mark()).isEqualTo(MarkdownExamples.Mark.INVALID);
        assertThat(validator.errors("b", examples.get(1).probeFile())).isNotEmpty();
    }

    /** YAML and JSON files whose top level has {@code probes} or {@code suite}: the repository's probe files. */
    private static List<Path> probeFiles() throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(ROOT)) {
            for (Path file : walk.filter(path -> RepositoryDocuments.outsideSkippedFolders(ROOT, path))
                    .filter(Files::isRegularFile)
                    .filter(file -> file.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList()) {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                boolean probeFile = ProbeFileValidator.read(file.toString(), content).filter(ConfigNode::isMap)
                        .map(tree -> tree.get("probes") != null || tree.get("suite") != null).orElse(false);
                if (probeFile && !file.endsWith(ProbeFileSchema.FILE)) {
                    found.add(file);
                }
            }
        }
        return found;
    }
}
