package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.testing.ProbeFiles;

/**
 * {@code --var} only sets what the loaded suites use: a mistyped name is bad input, named with a
 * suggestion, before anything runs; a name declared in any loaded file or captured by a probe is fine.
 */
class VarOptionTest {

    @TempDir
    Path folder;

    private final Cli cli = new Cli();

    private Path suite() {
        return new ProbeFiles(folder).write("orders.yaml", """
                suite: orders
                vars:
                  base: http://127.0.0.1:9
                probes:
                  - id: create
                    http: { post: "${base}/orders", expect: { status: 201 }, capture: { orderId: $.id } }
                  - id: read
                    needs: [create]
                    http: { get: "${base}/orders/${orderId}" }
                """);
    }

    @Test
    void aMistypedVarIsBadInputWithASuggestionAndNothingRuns() {
        Path file = suite();

        assertThat(cli.run("run", "--ledger", "none", "--var", "bsae=http://staging.example", file.toString()))
                .isEqualTo(2);

        assertThat(cli.err()).contains("postpatch: --var bsae: no variable 'bsae' in the probe files"
                + " (did you mean 'base'?); known: base, orderId");
        assertThat(cli.err() + cli.out()).as("the value may be a secret").doesNotContain("staging.example");
        assertThat(cli.out()).doesNotContain("create");
        assertThat(cli.run("validate", "--var", "nosuchvar=1", file.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("--var nosuchvar: no variable 'nosuchvar' in the probe files; known: base, orderId");
    }

    @Test
    void aVarSetOnlyThroughACaptureIsAccepted() {
        assertThat(cli.run("validate", "--var", "orderId=42", suite().toString())).as(cli.err()).isZero();
        assertThat(cli.err()).doesNotContain("--var");
    }

    @Test
    void aVarThatAFileUsesWithoutDeclaringIsAccepted() {
        Path file = new ProbeFiles(folder).write("port.yaml", """
                suite: port
                probes:
                  - id: listening
                    tcp: { host: 127.0.0.1, port: "${port}" }
                """);

        assertThat(cli.run("validate", "--var", "port=8080", file.toString())).as(cli.err()).isZero();
        assertThat(cli.run("validate", "--var", "prot=8080", file.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("undefined variable 'port'");
    }

    @Test
    void aVarDeclaredInAnIncludedFileOrAnotherLoadedSuiteIsAccepted() {
        ProbeFiles files = new ProbeFiles(folder);
        files.write("parts/common.yaml", "vars:\n  region: eu\nprobes:\n  - id: b\n    pass: {}\n");
        Path main = files.write("main.yaml", "suite: main\ninclude: [parts/common.yaml]\nprobes:\n  - id: a\n    pass: {}\n");

        assertThat(cli.run("validate", "--var", "region=us", "--var", "base=http://x", main.toString(),
                suite().toString())).as(cli.err()).isZero();
    }

    @Test
    void withJavaProbesAnUndeclaredVarIsOnlyAWarningBecauseJavaCodeMayReadAnyName() {
        Path file = new ProbeFiles(folder).write("java.yaml", """
                suite: java
                vars: { who: tests }
                classes: [org.postpatch.methods.SampleProbes]
                probes:
                  - id: ok
                    pass: {}
                """);

        assertThat(cli.run("validate", "--var", "apiKey=k", "--var", "wh=x", file.toString())).as(cli.err()).isZero();

        assertThat(cli.err()).contains("postpatch: warning: --var apiKey: no probe file declares or captures 'apiKey';"
                + " only a Java probe can read it")
                .contains("--var wh: no probe file declares or captures 'wh'; only a Java probe can read it"
                        + " (did you mean 'who'?)");
    }
}
