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

class RedirectTest {

    @TempDir
    Path folder;

    private final TestServer server = TestServer.http().json("/target", 200, "{\"status\":\"UP\"}");

    RedirectTest() {
        server.on("/moved", exchange -> {
            exchange.getResponseHeaders().set("Location", "/target");
            TestServer.respond(exchange, 302, null, "");
        });
        server.on("/elsewhere", exchange -> {
            // The same server by another name: another host as far as redirects go.
            exchange.getResponseHeaders().set("Location", server.urlByName() + "/target");
            TestServer.respond(exchange, 301, null, "");
        });
        server.on("/post-then-see-other", exchange -> {
            exchange.getResponseHeaders().set("Location", "/target");
            TestServer.respond(exchange, 303, null, "");
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RunResult run(String probes) {
        return ProbeTestKit.in(folder).run("suite: s\nvars:\n  base: " + server.url() + "\nprobes:\n" + probes);
    }

    @Test
    void redirectsAreNotFollowedByDefault() {
        RunResult run = run("""
                  - id: moved
                    http: { get: "${base}/moved" }
                  - id: expects-redirect
                    http: { get: "${base}/moved", expect: { status: 302, headers: { Location: /target } } }
                """);
        assertThat(probe(run, "moved").message()).isEqualTo("expected status 2xx but was 302 (redirect to "
                + server.url() + "/target not followed; add redirects: follow to follow it); empty body");
        assertThat(probe(run, "expects-redirect").status()).isEqualTo(ProbeStatus.PASSED);
        assertThat(server.received()).noneMatch(request -> request.path().equals("/target"));
    }

    @Test
    void followedOnTheSameHost() {
        RunResult run = run("""
                  - id: moved
                    http: { get: "${base}/moved", redirects: follow, expect: { status: 200, json: { $.status: UP } } }
                  - id: see-other
                    http: { post: "${base}/post-then-see-other", json: { a: 1 }, redirects: follow }
                """);
        assertThat(run.probes()).allSatisfy(p -> assertThat(p.status()).as(p.message()).isEqualTo(ProbeStatus.PASSED));
        assertThat(server.last("/target").method()).isEqualTo("GET");
    }

    @Test
    void neverFollowedToAnotherHost() {
        RunResult run = run("""
                  - id: elsewhere
                    http: { get: "${base}/elsewhere", redirects: follow }
                """);
        assertThat(probe(run, "elsewhere").message()).isEqualTo("expected status 2xx but was 301 (redirect to "
                + server.urlByName() + "/target not followed: postpatch never follows a redirect to another host); empty body");
        assertThat(server.received()).noneMatch(request -> request.path().equals("/target"));
    }
}
