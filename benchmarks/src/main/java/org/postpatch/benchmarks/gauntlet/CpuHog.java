package org.postpatch.benchmarks.gauntlet;

import java.io.IOException;

/**
 * Keeps the machine busy: N threads that never sleep, so that the load average stays at N or more
 * while the gauntlet restarts applications. Ends when its standard input closes (the gauntlet ends
 * it that way, or by its process id), so that it never outlives the gauntlet.
 *
 * <p>Usage: {@code CpuHog THREADS}
 */
public final class CpuHog {

    private CpuHog() {
    }

    public static void main(String[] args) throws IOException {
        int threads = Integer.parseInt(args[0]);
        for (int i = 0; i < threads; i++) {
            Thread spinner = new Thread(CpuHog::spin, "cpu-hog-" + i);
            spinner.setDaemon(true);
            spinner.start();
        }
        while (System.in.read() != -1) {
            // nothing: only the end of the input matters
        }
        System.exit(0);
    }

    private static void spin() {
        long x = 1;
        while (!Thread.currentThread().isInterrupted()) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            if (x == 42) {
                System.out.print("");
            }
        }
    }
}
