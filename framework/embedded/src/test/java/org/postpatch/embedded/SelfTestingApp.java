package org.postpatch.embedded;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A plain Java application that embeds postpatch, for tests that start it as a real process:
 * {@code SelfTestingApp <probes> <ledger> <port-file>}. It serves {@code /health} itself, tests
 * itself when its fingerprint changed, writes the endpoint's port to the port file and runs until
 * it is stopped.
 */
public final class SelfTestingApp {

    private SelfTestingApp() {
    }

    public static void main(String[] args) throws Exception {
        HttpServer application = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        application.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        application.start();
        int appPort = application.getAddress().getPort();
        SelfTest selfTest = PostPatch.embedded()
                .probesFrom(args[0])
                .ledger(args[1])
                .target("app-1")
                .appVersion("1.0.0")
                .endpoint(new InetSocketAddress("127.0.0.1", 0))
                .token("app-token")
                .variable("appPort", String.valueOf(appPort))
                .readinessUrl("http://127.0.0.1:" + appPort + "/health")
                .start();
        Path portFile = Path.of(args[2]);
        Files.writeString(portFile.resolveSibling(portFile.getFileName() + ".tmp"), String.valueOf(selfTest.port().orElseThrow()));
        Files.move(portFile.resolveSibling(portFile.getFileName() + ".tmp"), portFile,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Thread.currentThread().join();
    }
}
