package org.postpatch.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Connections that begin a request and never finish it, as a stalled or hostile client does: each
 * sends one byte and then nothing, or trickles one byte at a time (slowloris) of a request whose
 * headers never end. For tests of a server that must keep answering everyone else.
 */
public final class StalledClients implements AutoCloseable {

    /** The start of a request whose header section never ends. */
    private static final byte[] ENDLESS_REQUEST = ("GET /selftest HTTP/1.1\r\nHost: stalled\r\nX-Padding: "
            + "a".repeat(1_000_000)).getBytes(StandardCharsets.US_ASCII);

    private final List<Socket> sockets;
    private final ScheduledExecutorService trickle;

    private StalledClients(List<Socket> sockets, ScheduledExecutorService trickle) {
        this.sockets = sockets;
        this.trickle = trickle;
    }

    /** {@code count} connections to this loopback port that each sent the first byte of a request. */
    public static StalledClients oneByteEach(int port, int count) throws IOException {
        List<Socket> sockets = connect(port, count);
        for (Socket socket : sockets) {
            socket.getOutputStream().write(ENDLESS_REQUEST, 0, 1);
            socket.getOutputStream().flush();
        }
        return new StalledClients(sockets, null);
    }

    /** {@code count} connections that each send one more byte of an endless request every {@code every}. */
    public static StalledClients trickling(int port, int count, Duration every) throws IOException {
        List<Socket> sockets = connect(port, count);
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "trickling-client");
            thread.setDaemon(true);
            return thread;
        });
        int[] sent = new int[count];
        trickle.scheduleAtFixedRate(() -> {
            for (int i = 0; i < count; i++) {
                Socket socket = sockets.get(i);
                if (socket.isClosed() || socket.isOutputShutdown() || sent[i] >= ENDLESS_REQUEST.length) {
                    continue;
                }
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(ENDLESS_REQUEST[sent[i]++]);
                    out.flush();
                } catch (IOException closedByTheServer) {
                    sent[i] = ENDLESS_REQUEST.length; // stop writing; reading sees the end
                }
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return new StalledClients(sockets, trickle);
    }

    private static List<Socket> connect(int port, int count) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sockets.add(new Socket(InetAddress.getLoopbackAddress(), port));
        }
        return sockets;
    }

    /** How many of them the server has not closed, nor answered, yet (checked without waiting). */
    public long stillOpen() throws IOException {
        long open = 0;
        for (Socket socket : sockets) {
            if (socket.isClosed()) {
                continue;
            }
            socket.setSoTimeout(1);
            try {
                if (socket.getInputStream().read() == -1) {
                    continue;
                }
            } catch (SocketTimeoutException nothingYet) {
                open++;
                continue;
            } catch (IOException reset) {
                continue;
            }
            // The server wrote something: it is answering (a 408) and closing.
        }
        return open;
    }

    /**
     * Waits until the server has closed every connection, at most {@code atMost} each; returns what
     * each received before its end of stream (a 408 answer, or nothing).
     *
     * @throws AssertionError naming the connection the server kept open past the limit
     */
    public List<String> awaitClosedByServer(Duration atMost) throws IOException {
        List<String> received = new ArrayList<>();
        long deadline = System.nanoTime() + atMost.toNanos();
        for (int i = 0; i < sockets.size(); i++) {
            Socket socket = sockets.get(i);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[4096];
                while (true) {
                    long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                    socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
                    int read = in.read(buffer);
                    if (read == -1) {
                        break;
                    }
                    answer.write(buffer, 0, read);
                }
            } catch (SocketTimeoutException stillOpen) {
                throw new AssertionError("the server kept stalled connection " + (i + 1) + " of " + sockets.size()
                        + " open for more than " + atMost.toSeconds() + " s", stillOpen);
            } catch (IOException resetOrClosed) {
                // A reset is the server closing it too.
            }
            received.add(answer.toString(StandardCharsets.US_ASCII));
        }
        return received;
    }

    @Override
    public void close() {
        if (trickle != null) {
            trickle.shutdownNow();
        }
        sockets.forEach(StalledClients::closeQuietly);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a test client; nothing to do.
        }
    }
}
