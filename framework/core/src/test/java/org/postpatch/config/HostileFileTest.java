package org.postpatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.testing.ProbeFiles;

/**
 * Hostile probe files are refused safely and without building anything large. The timeouts here are
 * guards against hanging, not performance goals (those are measured in benchmarks/).
 */
@Timeout(30)
class HostileFileTest {

    @TempDir
    Path folder;

    private List<String> problems(Path file) {
        try {
            new ProbeFiles(folder).load(file);
        } catch (InvalidSuiteException invalid) {
            return invalid.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("expected " + file + " to be refused");
    }

    @Test
    void aliasBombIsRefusedAtTheFirstAnchor() {
        StringBuilder bomb = new StringBuilder("suite: s\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i > 0 ? "," : "").append('*').append((char) (c - 1));
            }
            bomb.append("]\n");
        }
        Path file = new ProbeFiles(folder).write("bomb.yaml", bomb.toString());
        assertThat(problems(file)).singleElement().asString()
                .endsWith("bomb.yaml:2:4: YAML anchors (&a) are not supported; write the value out, or use 'vars' and 'defaults'");
    }

    @Test
    void aliasesAreRefusedRatherThanTurnedIntoTheAnchorName() {
        Path file = new ProbeFiles(folder).write("alias.yaml", """
                suite: s
                probes:
                  - id: a
                    echo: { text: &greeting hello }
                  - id: b
                    echo: { text: *greeting }
                """);
        assertThat(problems(file)).singleElement().asString()
                .endsWith("alias.yaml:6:19: YAML aliases (*greeting) are not supported; write the value out, or use 'vars' and 'defaults'");
    }

    @Test
    void unknownTagsAreRefused() {
        Path file = new ProbeFiles(folder).write("tag.yaml", """
                suite: s
                probes:
                  - id: a
                    echo: { text: !!python/object/apply:os.system [ "rm -rf /" ] }
                """);
        assertThat(problems(file)).singleElement().asString()
                .contains("tag.yaml:4:19: YAML tag '!!python/object/apply:os.system' is not supported");
    }

    @Test
    void theStringTagIsAllowed() {
        ProbeFiles files = new ProbeFiles(folder);
        Path file = files.write("str.yaml", "suite: s\nprobes:\n  - id: a\n    echo: { text: !!str 123 }\n");
        assertThat(files.load(file).get(0).probes().get(0).spec().get("text").text()).isEqualTo("123");
    }

    @Test
    void deepNestingIsRefused() {
        Path file = new ProbeFiles(folder).write("deep.yaml", "suite: s\nx: " + "[".repeat(100_000) + "\n");
        assertThat(problems(file)).singleElement().asString()
                .endsWith("nesting is deeper than 40 levels; probe files are never this deep");
    }

    @Test
    void hugeFilesAreRefusedBeforeBeingRead() throws IOException {
        Path file = folder.resolve("huge.yaml");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(50L * 1024 * 1024);
        }
        assertThat(problems(file)).singleElement().asString()
                .endsWith("huge.yaml: the file is 52.4 MB; probe files are limited to 4 MB (split a large suite with 'include:')");
    }

    @Test
    void duplicateKeysAndSeveralDocumentsAreRefused() {
        Path duplicate = new ProbeFiles(folder).write("dup.yaml", "suite: s\nsuite: t\nprobes: [{ id: a, pass: {} }]\n");
        assertThat(problems(duplicate)).singleElement().asString().endsWith("dup.yaml:2:1: duplicate key 'suite' (first at line 1)");
        Path twoDocuments = new ProbeFiles(folder).write("two.yaml", "suite: s\nprobes: [{ id: a, pass: {} }]\n---\nsuite: t\n");
        assertThat(problems(twoDocuments)).singleElement().asString()
                .contains("only one document is allowed per probe file");
    }

    @Test
    void syntaxErrorsNameTheirPlace() {
        Path file = new ProbeFiles(folder).write("broken.yaml", "suite: s\nprobes:\n  - id: a\n    pass: {\n");
        assertThat(problems(file)).singleElement().asString().contains("broken.yaml:5:1: not valid YAML");
    }

    /** The file's text in UTF-8, with the byte 0xE9 (é in Latin-1, never alone in UTF-8) where {@code @} stands. */
    private Path latin1(String name, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '@') {
                bytes[i] = (byte) 0xE9;
            }
        }
        Path file = folder.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    @Test
    void yamlThatIsNotUtf8IsRefusedAtTheBadByte() throws IOException {
        Path file = latin1("latin1.yaml", """
                suite: s
                probes:
                  - id: a
                    echo: { text: "caf@ ouvert" }
                """);
        assertThat(problems(file)).singleElement().asString()
                .endsWith("latin1.yaml:4:23: not valid UTF-8: byte 0xE9 (at byte offset 49) is not part of a UTF-8"
                        + " character; probe files must be saved as UTF-8");
    }

    @Test
    void jsonThatIsNotUtf8IsRefusedAtTheBadByteCountingCharactersNotBytes() throws IOException {
        Path file = latin1("latin1.json", """
                {"suite": "s", "probes": [
                  {"id": "\u00fcber", "echo": {"text": "caf@"}}
                ]}
                """);
        assertThat(problems(file)).singleElement().asString()
                .contains("latin1.json:2:39: not valid UTF-8: byte 0xE9");
    }

    @Test
    void anIncludedFileThatIsNotUtf8IsRefusedWithItsOwnName() throws IOException {
        Files.createDirectories(folder.resolve("parts"));
        latin1("parts/latin1.yaml", "probes:\n  - id: b\n    echo: { text: \"@\" }\n");
        Path main = new ProbeFiles(folder).write("main.yaml", """
                suite: s
                include: [parts/latin1.yaml]
                probes:
                  - id: a
                    pass: {}
                """);
        assertThat(problems(main)).singleElement().asString()
                .contains("parts" + java.io.File.separator + "latin1.yaml:3:20: not valid UTF-8: byte 0xE9");
    }
}
