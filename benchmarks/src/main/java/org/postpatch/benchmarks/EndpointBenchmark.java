package org.postpatch.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postpatch.embedded.PostPatch;
import org.postpatch.embedded.SelfTest;

/**
 * B3: {@code GET /selftest} while a run is in progress with a probe that hangs — 200 concurrent
 * requests per round — against a plain JDK HttpServer handler answering the same bytes on the same
 * kind of pool (the baseline). Prints p50 and p99 of each and their ratio. Then the same rounds with
 * 50 connections stalled after one byte (opened afresh for each round, so they are open throughout
 * it: the endpoint closes them after its 10 s request-read deadline), and what the plain server
 * answers with the same 50 stalled connections; and sequential requests on one kept-alive
 * connection (a Nagle delay would show as ~40 ms).
 */
public final class EndpointBenchmark {

    /** Connections that sent one byte and stopped, in the stalled variant. */
    private static final int STALLED = 50;

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
            try {
                report(selftest, URI.create("http://127.0.0.1:" + plain.getAddress().getPort() + "/selftest"), concurrent, rounds);
            } finally {
                // Its pool's threads are not daemons: a failed measurement must not leave the process running.
                plain.stop(0);
                ((ExecutorService) plain.getExecutor()).shutdownNow();
            }
            System.out.flush();
        }
    }

    private static void report(URI selftest, URI baseline, int concurrent, int rounds) throws Exception {
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
        System.out.printf(Locale.ROOT, "  plain HttpServer handler   p50 %6.1f ms  p99 %6.1f ms%n",
                plainTimes.median(), plainTimes.quantile(0.99));
        System.out.printf(Locale.ROOT, "  postpatch /selftest        p50 %6.1f ms  p99 %6.1f ms  (target p99 < 100 ms)%n",
                selftestTimes.median(), selftestTimes.quantile(0.99));
        System.out.printf(Locale.ROOT, "  B3 ratio p99 postpatch / plain: %.2f%n",
                selftestTimes.quantile(0.99) / plainTimes.quantile(0.99));

        Stats plainSequential = sequential(baseline, 200);
        Stats selftestSequential = sequential(selftest, 200);
        System.out.println("B3 sequential: 200 GET /selftest one after another on one kept-alive connection");
        System.out.printf(Locale.ROOT, "  plain HttpServer handler   p50 %6.2f ms  p99 %6.2f ms  (nodelay set for the JVM)%n",
                plainSequential.median(), plainSequential.quantile(0.99));
        System.out.printf(Locale.ROOT, "  postpatch /selftest        p50 %6.2f ms  p99 %6.2f ms%n",
                selftestSequential.median(), selftestSequential.quantile(0.99));

        Stats stalledTimes = new Stats();
        Stats plainAgain = new Stats();
        for (int round = 0; round < rounds; round++) {
            try (Stalled stalled = Stalled.open(selftest.getPort(), STALLED)) {
                measure(baseline, concurrent, 1).forEach(plainAgain::add); // meanwhile the endpoint takes them in
                measure(selftest, concurrent, 1).forEach(stalledTimes::add);
                stalled.requireOpen();
            } catch (java.util.concurrent.ExecutionException failed) {
                throw new IllegalStateException("B3 stalled: GET /selftest was not answered with " + STALLED
                        + " stalled connections open: " + failed.getCause(), failed);
            }
        }
        System.out.printf(Locale.ROOT, "B3 stalled: the same rounds with %d connections stalled after one byte on the endpoint%n",
                STALLED);
        System.out.printf(Locale.ROOT, "  plain HttpServer handler   p50 %6.1f ms  p99 %6.1f ms  (no stalled connections)%n",
                plainAgain.median(), plainAgain.quantile(0.99));
        System.out.printf(Locale.ROOT, "  postpatch /selftest        p50 %6.1f ms  p99 %6.1f ms  (target p99 < 100 ms)%n",
                stalledTimes.median(), stalledTimes.quantile(0.99));
        System.out.printf(Locale.ROOT, "  B3 stalled ratio p99 postpatch with %d stalled / plain without: %.2f%n", STALLED,
                stalledTimes.quantile(0.99) / plainAgain.quantile(0.99));
        try (Stalled stalled = Stalled.open(baseline.getPort(), STALLED)) {
            System.out.printf(Locale.ROOT, "  plain HttpServer handler with %d stalled: %d of %d answered within 2 s%n",
                    STALLED, answeredWithin(baseline, concurrent, Duration.ofSeconds(2)), concurrent);
        }
    }

    /** How many of {@code concurrent} requests released together are answered within {@code timeout}. */
    private static int answeredWithin(URI uri, int concurrent, Duration timeout) throws Exception {
        List<CompletableFuture<HttpResponse<Void>>> answers = new ArrayList<>();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < concurrent; i++) {
            answers.add(client.sendAsync(HttpRequest.newBuilder(uri).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.discarding()));
        }
        int answered = 0;
        for (CompletableFuture<HttpResponse<Void>> answer : answers) {
            try {
                answer.join();
                answered++;
            } catch (java.util.concurrent.CompletionException timedOut) {
                // not answered in time
            }
        }
        return answered;
    }

    /** Requests one after another; one HTTP/1.1 client, so one kept-alive connection. */
    private static Stats sequential(URI uri, int count) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 20; i++) {
            client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
        }
        Stats times = new Stats();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
            times.add(System.nanoTime() - start);
        }
        return times;
    }

    /** Connections that sent the first byte of a request and nothing more. */
    private record Stalled(List<Socket> sockets) implements AutoCloseable {
        static Stalled open(int port, int count) throws IOException {
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.getOutputStream().write('G');
                socket.getOutputStream().flush();
                sockets.add(socket);
            }
            return new Stalled(sockets);
        }

        /** Fails the benchmark when the server closed one: the round would not have measured what it says. */
        void requireOpen() throws IOException {
            for (Socket socket : sockets) {
                socket.setSoTimeout(1);
                try {
                    socket.getInputStream().read();
                    throw new IllegalStateException("a stalled connection was closed during the round");
                } catch (java.net.SocketTimeoutException stillOpen) {
                    // as it should be
                }
            }
        }

        @Override
        public void close() throws IOException {
            for (Socket socket : sockets) {
                socket.close();
            }
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
                        // A stalled endpoint fails the benchmark instead of hanging it.
                        HttpResponse<byte[]> response = CLIENT.send(
                                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
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
