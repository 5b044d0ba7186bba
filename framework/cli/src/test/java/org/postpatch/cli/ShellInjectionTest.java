package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.testing.ProbeFiles;

/**
 * A value from {@code --var} or captured from an HTTP response never becomes shell syntax in a
 * {@code shell: true} command: the hostile {@code x; touch MARKER #} is printed, not run.
 */
class ShellInjectionTest {

    @TempDir
    Path folder;

    private final Cli cli = new Cli();

    private String hostile() {
        return "x; touch " + folder.resolve("MARKER") + " #";
    }

    @Test
    void aVarValueIsPrintedLiterallyNeverRun() {
        Path file = new ProbeFiles(folder).write("p.yaml", """
                suite: injection
                vars: { x: harmless }
                probes:
                  - id: echo
                    command: { shell: true, run: "echo ${x}", expect: { stdout: { contains: never } } }
                """);

        assertThat(cli.run("run", "--ledger", "none", "--var", "x=" + hostile(), file.toString())).isEqualTo(1);

        assertThat(cli.out()).contains("stdout does not contain 'never'; it was: '" + hostile() + "'");
        assertThat(folder.resolve("MARKER")).doesNotExist();
    }

    @Test
    void aValueCapturedFromAnHttpResponseIsPrintedLiterallyNeverRun() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/orders", exchange -> {
            byte[] body = ("{\"id\":\"" + hostile() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            Path file = new ProbeFiles(folder).write("p.yaml", """
                    suite: injection
                    probes:
                      - id: create
                        http: { post: "http://127.0.0.1:%d/orders", expect: { status: 201 }, capture: { orderId: $.id } }
                      - id: use
                        needs: [create]
                        command: { shell: true, run: "echo order ${orderId}", expect: { stdout: { contains: never } } }
                    """.formatted(server.getAddress().getPort()));

            assertThat(cli.run("run", "--ledger", "none", file.toString())).isEqualTo(1);

            assertThat(cli.out()).contains("PASSED   create")
                    .contains("stdout does not contain 'never'; it was: 'order " + hostile() + "'");
            assertThat(folder.resolve("MARKER")).doesNotExist();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void validateWarnsAboutShellTrueWithVariablesAndExitsZero() {
        Path file = new ProbeFiles(folder).write("p.yaml", """
                suite: injection
                vars: { x: harmless }
                probes:
                  - id: echo
                    command: { shell: true, run: "echo ${x}" }
                """);

        assertThat(cli.run("validate", file.toString())).isZero();

        assertThat(cli.err()).isEqualTo("postpatch: warning: " + file + ":5:34: probe 'echo': command.run: shell: true with"
                + " variables: each ${...} reaches the shell as one literal word, never as shell syntax; a list run: [...]"
                + " needs no shell at all" + System.lineSeparator());
        assertThat(cli.out()).contains("OK: 1 suite, 1 probe");
    }
}
