package org.postpatch.probes.system.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real TCP server on 127.0.0.1 for tests: it accepts connections, sends a banner (or nothing),
 * then waits until the client closes its end, and counts how many clients did.
 */
final class LoopbackServer implements AutoCloseable {

    private final ServerSocket server;
    private final String banner;
    private final boolean hangUp;
    private final AtomicInteger clientsGone = new AtomicInteger();

    private LoopbackServer(String banner, boolean hangUp) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.banner = banner;
        this.hangUp = hangUp;
        Thread acceptor = new Thread(this::serve, "loopback-server-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A server that sends nothing and keeps the connection open. */
    static LoopbackServer silent() throws IOException {
        return new LoopbackServer("", false);
    }

    /** A server that greets every client with this text. */
    static LoopbackServer greeting(String banner) throws IOException {
        return new LoopbackServer(banner, false);
    }

    /** A server that accepts and closes the connection at once. */
    static LoopbackServer hangingUp() throws IOException {
        return new LoopbackServer("", true);
    }

    /** A port on 127.0.0.1 where nothing listens (it was free a moment ago). */
    static int closedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** How many clients have closed their connection. */
    int clientsGone() {
        return clientsGone.get();
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread handler = new Thread(() -> handle(client), "loopback-client");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            if (hangUp) {
                return;
            }
            out.write(banner.getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (in.read() >= 0) {
                // wait for the client to close its end
            }
            clientsGone.incrementAndGet();
        } catch (IOException reset) {
            clientsGone.incrementAndGet();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
