package org.postpatch.probes.http.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server that accepts connections and reads requests but never answers, like a hung
 * application. It counts the connections it accepted and those the client closed.
 */
public final class SilentServer implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger closedByClient = new AtomicInteger();

    public SilentServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                accepted.incrementAndGet();
                Thread reader = new Thread(() -> readUntilClosed(connection), "silent-connection");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void readUntilClosed(Socket connection) {
        try (connection; InputStream in = connection.getInputStream()) {
            byte[] buffer = new byte[4096];
            while (in.read(buffer) >= 0) {
                // Read the request and ignore it; never answer.
            }
            closedByClient.incrementAndGet();
        } catch (IOException reset) {
            closedByClient.incrementAndGet();
        }
    }

    public String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    public int accepted() {
        return accepted.get();
    }

    public int closedByClient() {
        return closedByClient.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
