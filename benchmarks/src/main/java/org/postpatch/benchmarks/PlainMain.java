package org.postpatch.benchmarks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * B2's baseline process: {@code PlainMain BASE_URL COUNT PARALLEL [stop]} makes the requests and
 * checks of the benchmark suite with a plain JDK HttpClient, then exits like the postpatch command
 * does. With {@code stop} it first ends the client's selector thread as postpatch does (on JDK 17 that
 * thread delays the JVM's exit by about 0.3 s): the strictest baseline.
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
        java.net.http.HttpClient client = PlainChecks.client();
        try {
            PlainChecks.run(client, threads, base, count);
        } catch (Exception failed) {
            System.err.println("plain checks failed: " + failed);
            code = 1;
        }
        threads.shutdownNow();
        if (args.length > 3 && args[3].equals("stop")) {
            String id = client.toString().replaceAll(".*\\((\\d+)\\)$", "$1");
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().equals("HttpClient-" + id + "-SelectorManager")) {
                    thread.interrupt();
                    thread.join(200);
                }
            }
        }
        System.exit(code);
    }
}
