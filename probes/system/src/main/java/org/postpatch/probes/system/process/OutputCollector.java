package org.postpatch.probes.system.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads one output stream of a process on its own thread, so that a process filling one pipe never
 * blocks on the other. Keeps the first {@code limit} bytes and drains (discards) the rest, so that a
 * chatty process is neither blocked nor able to exhaust memory.
 */
final class OutputCollector implements Runnable {

    private final InputStream stream;
    private final int limit;
    private final Charset charset;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CountDownLatch closed = new CountDownLatch(1);
    private long total;

    private OutputCollector(InputStream stream, int limit, Charset charset) {
        this.stream = stream;
        this.limit = limit;
        this.charset = charset;
    }

    /** Starts reading {@code stream} on a daemon thread named after it. */
    static OutputCollector start(InputStream stream, String name, int limit, Charset charset) {
        OutputCollector collector = new OutputCollector(stream, limit, charset);
        Thread reader = new Thread(collector, "postpatch-" + name);
        reader.setDaemon(true);
        reader.start();
        return collector;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        try (InputStream in = stream) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                synchronized (kept) {
                    int room = (int) Math.max(0, limit - total);
                    kept.write(buffer, 0, Math.min(room, read));
                    total += read;
                }
            }
        } catch (IOException closedUnderUs) {
            // The process was killed or its pipe closed: what was read so far is the output.
        } finally {
            closed.countDown();
        }
    }

    /** Waits until the stream is closed (the writer and every process sharing the pipe ended). */
    boolean awaitClosed(Duration wait) throws InterruptedException {
        return closed.await(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
    }

    CapturedOutput output() {
        synchronized (kept) {
            return new CapturedOutput(kept.toString(charset), total, total > limit);
        }
    }
}
