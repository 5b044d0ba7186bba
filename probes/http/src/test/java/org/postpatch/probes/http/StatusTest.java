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

class StatusTest {

    @TempDir
    Path folder;

    private final TestServer server = TestServer.http()
            .json("/created", 201, "{\"id\":1}")
            .json("/broken", 500, "{\"error\":\"db down\"}")
            .on("/empty", 204, null, "")
            .on("/long", 503, "text/html", "<html>" + "x".repeat(500) + "</html>")
            .on("/image", 500, "image/png", "PNGDATA");

    @AfterEach
    void stop() {
        server.close();
    }

    private RunResult run(String probes) {
        return ProbeTestKit.in(folder).run("suite: s\nvars:\n  base: " + server.url() + "\nprobes:\n" + probes);
    }

    @Test
    void exactListAndRangeFormsPassWhenTheStatusIsAmongThem() {
        RunResult run = run("""
                  - id: exact
                    http: { post: "${base}/created", expect: { status: 201 } }
                  - id: list
                    http: { delete: "${base}/empty", expect: { status: [200, 204] } }
                  - id: family
                    http: { get: "${base}/created", expect: { status: 2xx } }
                  - id: span
                    http: { get: "${base}/broken", expect: { status: "500-599" } }
                """);
        assertThat(run.probes()).allSatisfy(p -> assertThat(p.status()).as(p.message()).isEqualTo(ProbeStatus.PASSED));
    }

    @Test
    void wrongStatusSaysWhatWasExpectedWithAShortBodyExcerpt() {
        RunResult run = run("""
                  - id: create-order
                    http: { post: "${base}/broken", expect: { status: 201 } }
                  - id: listed
                    http: { get: "${base}/created", expect: { status: [200, 204] } }
                  - id: default-is-2xx
                    http: { get: "${base}/broken" }
                """);
        assertThat(probe(run, "create-order").status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(probe(run, "create-order").message())
                .isEqualTo("expected status 201 but was 500; body: {\"error\":\"db down\"}");
        assertThat(probe(run, "listed").message()).isEqualTo("expected status 200 or 204 but was 201; body: {\"id\":1}");
        assertThat(probe(run, "default-is-2xx").message()).startsWith("expected status 2xx but was 500");
    }

    @Test
    void bodyExcerptIsCutAtTwoHundredCharactersAndBinaryBodiesAreOnlyDescribed() {
        RunResult run = run("""
                  - id: long
                    http: { get: "${base}/long" }
                  - id: image
                    http: { get: "${base}/image" }
                """);
        String message = probe(run, "long").message();
        // An HTML page is quoted by the text a person sees on it, not its markup.
        String excerpt = message.substring(message.indexOf("page text: ") + "page text: ".length());
        assertThat(excerpt).hasSize(200).startsWith("xxx").endsWith("...");
        assertThat(probe(run, "image").message()).isEqualTo("expected status 2xx but was 500; body: 7 bytes of image/png");
    }
}
