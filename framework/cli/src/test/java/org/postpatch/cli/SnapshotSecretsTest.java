package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.testing.ProbeFiles;
import org.postpatch.testing.RenamingServer;

/**
 * A snapshot records a whole response, so it is where a secret echoed by a server would land. The
 * real command line, as a process with a {@code ${secret:}} in its environment, records a baseline of
 * a server that echoes its secrets back in the body and a header — as they are, JSON-escaped,
 * URL-encoded and Base64-encoded; the ledger's files hold none of them, in any of these forms, while
 * what is not secret is there to be found.
 */
class SnapshotSecretsTest {

    private static final String SECRET_VAR = "canary/var 4b7e";
    private static final String HEADER = "canary-auth-0c95";

    @TempDir
    Path folder;

    @Test
    void noSecretTheServerEchoesIsRecordedInTheLedger() throws Exception {
        Path probes = new ProbeFiles(folder).write("echo.yaml", """
                suite: echo
                probes:
                  - id: echo
                    http:
                      get: ${base}/api/echo
                      headers: { Authorization: "Bearer %s", X-Key: "${secret:SNAPSHOT_KEY}" }
                      expect: { snapshot: { headers: [X-Echo] } }
                """.formatted(HEADER));
        Path ledger = folder.resolve("ledger");
        CliProcess cli = CliProcess.in(folder).with("SNAPSHOT_KEY", SECRET_VAR);
        try (RenamingServer server = RenamingServer.start()) {
            String[] options = {"--ledger", ledger.toString(), "--target", "node-1", "--var", "base=" + server.url()};
            CliProcess.Finished baseline = cli.run(Cli.args("baseline", options, probes.toString()));
            assertThat(baseline.exitCode()).as(baseline.output()).isZero();
            assertThat(baseline.output()).contains("snapshot recorded (no noise)");
            CliProcess.Finished verify = cli.run(Cli.args("verify", options, probes.toString()));
            assertThat(verify.exitCode()).as("a masked value is compared masked: " + verify.output()).isZero();
            assertThat(verify.output()).contains("snapshot unchanged").doesNotContain("canary");
        }

        List<Path> files = ledgerFiles(ledger);
        assertThat(files).isNotEmpty();
        Charset stored = null;
        for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
            if (files.stream().anyMatch(file -> holds(file, "stored-marker-51d2", charset))) {
                stored = charset;
            }
        }
        assertThat(stored).as("the snapshot's plain values are in the ledger's files (else this grep proves nothing)")
                .isNotNull();
        byte[] key = SECRET_VAR.getBytes(StandardCharsets.UTF_8);
        List<String> forms = List.of(SECRET_VAR, HEADER, "canary%2Fvar+4b7e", "canary%2Fvar%204b7e",
                Base64.getEncoder().withoutPadding().encodeToString(key).substring(0, 8 * key.length / 6),
                Base64.getEncoder().encodeToString(("app:" + SECRET_VAR).getBytes(StandardCharsets.UTF_8)));
        for (Path file : files) {
            for (String secret : forms) {
                assertThat(holds(file, secret, stored)).as("%s holds %s", file, secret).isFalse();
            }
        }
    }

    private static List<Path> ledgerFiles(Path ledger) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(ledger.getParent(), 1)) {
            all.filter(Files::isRegularFile).filter(file -> file.getFileName().toString().startsWith("ledger"))
                    .forEach(files::add);
        }
        return files;
    }

    private static boolean holds(Path file, String text, Charset charset) {
        try {
            byte[] content = Files.readAllBytes(file);
            byte[] wanted = text.getBytes(charset);
            outer:
            for (int i = 0; i + wanted.length <= content.length; i++) {
                for (int j = 0; j < wanted.length; j++) {
                    if (content[i + j] != wanted[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
