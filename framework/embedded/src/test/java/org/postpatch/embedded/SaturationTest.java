package org.postpatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.testing.ProbeFiles;

/** The endpoint answers while the application's own HTTP worker threads are all busy. */
class SaturationTest {

    @TempDir
    Path folder;

    @Test
    void endpointAnswersWhileTheApplicationsThreadPoolIsSaturated() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger busy = new AtomicInteger();
        HttpServer application = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        application.setExecutor(Executors.newFixedThreadPool(2));
        application.createContext("/api/slow", exchange -> {
            busy.incrementAndGet();
            try {
                release.await(60, TimeUnit.SECONDS);
                exchange.sendResponseHeaders(200, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        application.start();
        Path probes = new ProbeFiles(folder).write("probes/app.yaml", "suite: app\nprobes: [{ id: ok, pass: {} }]\n");
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<Void>>> stuck = new ArrayList<>();
        try (SelfTest selfTest = PostPatch.embedded().probesFrom(probes.toString()).ledger("none").endpoint(0).start()) {
            for (int i = 0; i < 4; i++) {
                stuck.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + application.getAddress().getPort() + "/api/slow")).build(), HttpResponse.BodyHandlers.discarding()));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> busy.get() == 2);

            Http http = new Http(selfTest.port().orElseThrow());
            await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/selftest", null).json().has("lastRunAt"));
            Http.Response summary = http.get("/selftest", null);
            assertThat(summary.status()).isEqualTo(200);
            assertThat(summary.json().path("status").asText()).isEqualTo("PASS");
            assertThat(busy.get()).as("the application's two workers are still busy").isEqualTo(2);
        } finally {
            release.countDown();
            application.stop(0);
        }
    }
}
