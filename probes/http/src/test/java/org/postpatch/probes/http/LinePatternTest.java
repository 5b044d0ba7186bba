package org.postpatch.probes.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.postpatch.probes.http.support.Runs.probe;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.probes.http.support.TestServer;
import org.postpatch.result.RunResult;
import org.postpatch.testkit.ProbeTestKit;

/** The http kind reads regular expressions by the rule every kind follows: ^ and $ match at each line. */
class LinePatternTest {

    @TempDir
    Path folder;

    private final TestServer server = TestServer.http()
            .on("/status", exchange -> TestServer.respond(exchange, 200, "text/plain", "status: ok\nversion: 2.4.1\n"))
            .on("/order", exchange -> TestServer.respond(exchange, 200, "application/json", "{\"note\":\"first\\nsecond\"}"));

    @AfterEach
    void stop() {
        server.close();
    }

    private RunResult run(String probes) {
        return ProbeTestKit.in(folder).run("suite: s\nvars:\n  base: " + server.url() + "\nprobes:\n" + probes);
    }

    @Test
    void caretAndDollarInABodyPatternMatchAtEachLineAsInTheOtherKinds() {
        RunResult run = run("""
                  - id: line
                    http: { get: "${base}/status", expect: { matches: "^version: 2\\\\.4\\\\.\\\\d+$" } }
                  - id: whole-body-start
                    http: { get: "${base}/status", expect: { matches: "\\\\Astatus: ok$" } }
                  - id: not-at-the-start
                    http: { get: "${base}/status", expect: { matches: "\\\\Aversion" } }
                """);

        assertThat(probe(run, "line").status()).as(probe(run, "line").message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(probe(run, "whole-body-start").status()).as(probe(run, "whole-body-start").message())
                .isEqualTo(ProbeStatus.PASSED);
        assertThat(probe(run, "not-at-the-start").message()).startsWith("expected the body to match \\Aversion");
    }

    @Test
    void aJsonValuePatternAlsoReadsCaretAtEachLine() {
        RunResult run = run("""
                  - id: note
                    http: { get: "${base}/order", expect: { json: { $.note: { matches: "(?s)first\\n^second" } } } }
                """);

        assertThat(probe(run, "note").status()).as(probe(run, "note").message()).isEqualTo(ProbeStatus.PASSED);
    }
}
