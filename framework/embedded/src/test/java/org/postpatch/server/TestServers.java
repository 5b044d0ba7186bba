package org.postpatch.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** Servers on loopback with a few routes whose behaviour the tests can see. */
final class TestServers {

    /** Completed by a test: answers of {@code GET /later} wait for it. */
    final CompletableFuture<Response> later = new CompletableFuture<>();

    private TestServers() {
    }

    static TestServers create() {
        return new TestServers();
    }

    Routes routes() {
        return Routes.builder()
                .get("/hello", request -> Response.text(200, "hello"))
                .post("/echo", request -> Response.of(200, "application/octet-stream", request.body()))
                .get("/items/{id}", request -> Response.text(200, "item " + request.pathParameter("id").orElseThrow()))
                .get("/fail", request -> {
                    throw new IllegalStateException("a handler that fails");
                })
                .get("/later", request -> Response.later(later))
                .build();
    }

    WebServer start(ServerSettings settings) throws IOException {
        return WebServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), settings, routes());
    }

    static ServerSettings.Builder settings() {
        return ServerSettings.defaults("test-server").toBuilder();
    }

    static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: test\r\n\r\n";
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
