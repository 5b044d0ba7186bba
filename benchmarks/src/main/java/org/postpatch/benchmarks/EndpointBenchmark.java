package org.postpatch.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postpatch.embedded.PostPatch;
import org.postpatch.embedded.SelfTest;

/**
 * B3: {@code GET /selftest} while a run is in progress with a probe that hangs — 200 concurrent
 * requests per round — against a plain JDK HttpServer handler answering the same bytes on the same
 * kind of pool (the baseline). Prints p50 and p99 of each and their ratio.
 */
public final class EndpointBenchmark {

    private EndpointBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int concurrent = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path probes = Files.createTempDirectory("b3-").resolve("hang.yaml");
        Files.writeString(probes, """
                suite: b3
                probes:
                  - id: hangs
                    timeout: 10m
                    command: { run: [sleep, "600"] }
                """);
        try (SelfTest selfTest = PostPatch.embedded().probesFrom(probes.toString()).ledger("none")
                .endpoint(new InetSocketAddress("127.0.0.1", 0)).start()) {
            URI selftest = URI.create("http://127.0.0.1:" + selfTest.port().orElseThrow() + "/selftest");
            HttpClient client = HttpClient.newHttpClient();
            while (!client.send(HttpRequest.newBuilder(selftest).build(), HttpResponse.BodyHandlers.ofString()).body()
                    .contains("\"running\":true")) {
                Thread.onSpinWait();
            }
            byte[] same = client.send(HttpRequest.newBuilder(selftest).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            HttpServer plain = plainServer(same);
            URI baseline = URI.create("http://127.0.0.1:" + plain.getAddress().getPort() + "/selftest");
            System.out.printf(Locale.ROOT, "B3 endpoint: %d concurrent GET /selftest per round, %d rounds, while a probe hangs%n",
                    concurrent, rounds);
            measure(baseline, concurrent, 3);
            measure(selftest, concurrent, 3);
            Stats plainTimes = new Stats();
            Stats selftestTimes = new Stats();
            for (int round = 0; round < rounds; round++) {
                measure(baseline, concurrent, 1).forEach(plainTimes::add);
                measure(selftest, concurrent, 1).forEach(selftestTimes::add);
            }
            plain.stop(0);
            ((ExecutorService) plain.getExecutor()).shutdownNow();
            System.out.printf(Locale.ROOT, "  plain HttpServer handler   p50 %6.1f ms  p99 %6.1f ms%n",
                    plainTimes.median(), plainTimes.quantile(0.99));
            System.out.printf(Locale.ROOT, "  postpatch /selftest        p50 %6.1f ms  p99 %6.1f ms  (target p99 < 100 ms)%n",
                    selftestTimes.median(), selftestTimes.quantile(0.99));
            System.out.printf(Locale.ROOT, "  B3 ratio p99 postpatch / plain: %.2f%n",
                    selftestTimes.quantile(0.99) / plainTimes.quantile(0.99));
            System.out.flush();
        }
    }

    private static HttpServer plainServer(byte[] body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/selftest", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    /** One HTTP/1.1 client per side: concurrent requests each take a connection of its pool. */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** Rounds of {@code concurrent} requests released at once; the time of each request. */
    private static List<Long> measure(URI uri, int concurrent, int rounds) throws Exception {
        List<Long> nanos = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(concurrent);
        try {
            for (int round = 0; round < rounds; round++) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Long>> results = new ArrayList<>();
                for (int i = 0; i < concurrent; i++) {
                    results.add(threads.submit(() -> {
                        go.await();
                        long start = System.nanoTime();
                        HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(uri).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (response.body().length == 0) {
                            throw new IllegalStateException("empty answer from " + uri);
                        }
                        return System.nanoTime() - start;
                    }));
                }
                go.countDown();
                for (Future<Long> result : results) {
                    nanos.add(result.get());
                }
            }
        } finally {
            threads.shutdownNow();
        }
        return nanos;
    }
}
