package org.postpatch.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A tiny application for the tests that fingerprint an application from outside: it listens on
 * a TCP port on loopback ({@code args[0]}, 0 for any free one), writes the port into the file
 * {@code args[1]} once it listens, and answers each connection with "ok". Only JDK classes, so it
 * runs from a jar on any JVM.
 */
public final class SocketApp {

    private SocketApp() {
    }

    public static void main(String[] args) throws IOException {
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])));
            Path file = Path.of(args[1]);
            Path written = Files.writeString(file.resolveSibling(file.getFileName() + ".tmp"),
                    Integer.toString(server.getLocalPort()));
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            while (true) {
                try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                    out.write("ok\n".getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }
}
