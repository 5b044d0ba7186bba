package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A probe file that is not UTF-8 is bad input (exit 2) at its line and column; nothing runs. */
class ProbeFileEncodingTest {

    @TempDir
    Path folder;

    @Test
    void latin1YamlAndJsonFilesExitTwoNamingTheBadByteAndRunNothing() throws Exception {
        Path yaml = folder.resolve("latin1.yaml");
        Files.write(yaml, latin1("suite: s\nprobes:\n  - id: a\n    command: [echo, \"caf\u00e9\"]\n"));
        Path json = folder.resolve("latin1.json");
        Files.write(json, latin1("{\"suite\": \"t\", \"probes\": [{\"id\": \"b\", \"command\": [\"echo\", \"caf\u00e9\"]}]}"));
        Cli cli = new Cli();

        assertThat(cli.run("run", "--ledger", "none", yaml.toString(), json.toString())).isEqualTo(2);

        assertThat(cli.err()).contains(yaml + ":4:25: not valid UTF-8: byte 0xE9")
                .contains(json + ":1:63: not valid UTF-8: byte 0xE9");
        assertThat(cli.out()).doesNotContain("caf");
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
