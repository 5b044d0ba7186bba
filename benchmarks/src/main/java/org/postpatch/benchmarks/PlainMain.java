package org.postpatch.benchmarks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * B2's baseline process: {@code PlainMain BASE_URL COUNT PARALLEL} makes the requests and checks of
 * the benchmark suite with a plain JDK HttpClient, then exits like the postpatch command does.
 */
public final class PlainMain {

    private PlainMain() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int count = Integer.parseInt(args[1]);
        int parallel = Integer.parseInt(args[2]);
        ExecutorService threads = Executors.newFixedThreadPool(parallel);
        int code = 0;
        try {
            PlainChecks.run(PlainChecks.client(), threads, base, count);
        } catch (Exception failed) {
            System.err.println("plain checks failed: " + failed);
            code = 1;
        }
        threads.shutdownNow();
        System.exit(code);
    }
}
