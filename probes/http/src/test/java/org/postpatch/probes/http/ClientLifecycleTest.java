package org.postpatch.probes.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.probes.http.support.TestServer;
import org.postpatch.result.RunResult;
import org.postpatch.result.Verdict;
import org.postpatch.testkit.ProbeTestKit;

class ClientLifecycleTest {

    @TempDir
    Path folder;

    private static Set<String> clientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.matches("HttpClient-\\d+-SelectorManager") || name.startsWith("postpatch-http-"))
                .collect(Collectors.toSet());
    }

    @Test
    void oneClientServesEveryProbeOfARunOverKeptAliveConnections() {
        try (TestServer server = TestServer.http().json("/", 200, "{\"status\":\"UP\"}")) {
            StringBuilder probes = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                probes.append("  - id: p").append(i).append("\n    http: { get: \"").append(server.url())
                        .append("/p").append(i).append("\" }\n");
            }
            RunResult run = ProbeTestKit.in(folder).run("suite: s\nprobes:\n" + probes);
            assertThat(run.verdict()).isEqualTo(Verdict.PASS);
            // Parallelism 8: at most 8 connections for 12 requests, so some were reused.
            assertThat(server.received()).hasSize(12);
            assertThat(server.connections()).isBetween(1, 8);
        }
    }

    @Test
    void theRunsClientStopsWhenTheRunEnds() {
        Set<String> before = clientThreads();
        try (TestServer server = TestServer.http().json("/", 200, "{}")) {
            RunResult run = ProbeTestKit.in(folder).run("suite: s\nprobes:\n  - id: p\n    http: { get: \"" + server.url() + "/\" }\n");
            assertThat(run.verdict()).isEqualTo(Verdict.PASS);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(clientThreads()).as("client threads left after the run").isSubsetOf(before));
    }

    @Test
    void anApplicationsOwnClientIsLeftAlone() throws Exception {
        HttpClient own = HttpClient.newHttpClient();
        String ownSelector = "HttpClient-" + own.toString().replaceAll(".*\\((\\d+)\\)$", "$1") + "-SelectorManager";
        try (TestServer server = TestServer.http().json("/", 200, "{}")) {
            ProbeTestKit.in(folder).run("suite: s\nprobes:\n  - id: p\n    http: { get: \"" + server.url() + "/\" }\n");
            assertThat(clientThreads()).contains(ownSelector);
            assertThat(own.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + "/mine")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }
}
