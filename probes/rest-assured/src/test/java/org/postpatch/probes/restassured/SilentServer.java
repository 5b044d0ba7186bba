package org.postpatch.probes.restassured;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on loopback that accepts connections and reads requests but never answers, like a hung
 * application; it counts the connections clients have closed.
 */
final class SilentServer implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger closedByClients = new AtomicInteger();

    SilentServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptForever, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUri() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    int accepted() {
        return accepted.get();
    }

    int closedByClients() {
        return closedByClients.get();
    }

    private void acceptForever() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                accepted.incrementAndGet();
                Thread reader = new Thread(() -> readUntilClosed(client), "silent-server-reader");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void readUntilClosed(Socket client) {
        try (client; InputStream in = client.getInputStream()) {
            while (in.read() != -1) {
                // Read the request and say nothing.
            }
            closedByClients.incrementAndGet();
        } catch (IOException reset) {
            closedByClients.incrementAndGet();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
