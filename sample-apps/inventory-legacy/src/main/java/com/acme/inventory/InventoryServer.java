package com.acme.inventory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The HTTP API: {@code GET /health}, {@code GET /api/items}, {@code GET /api/items/{sku}},
 * {@code POST /api/items/{sku}/reserve?count=N}.
 */
public final class InventoryServer {

    private final HttpServer server;
    private final Inventory inventory;

    private InventoryServer(HttpServer server, Inventory inventory) {
        this.server = server;
        this.inventory = inventory;
    }

    /** Starts serving on the port (on all addresses), with a small pool of worker threads. */
    public static InventoryServer start(int port, Inventory inventory) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 100);
        server.setExecutor(Executors.newFixedThreadPool(8));
        InventoryServer inventoryServer = new InventoryServer(server, inventory);
        server.createContext("/health", inventoryServer::health);
        server.createContext("/api/items", inventoryServer::items);
        server.start();
        return inventoryServer;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
    }

    private void health(HttpExchange exchange) throws IOException {
        send(exchange, 200, "{\"status\":\"UP\",\"version\":" + Json.string(Release.VERSION) + "}");
    }

    private void items(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String[] path = uri.getPath().replaceAll("/+$", "").split("/");
        String method = exchange.getRequestMethod();
        if (path.length == 3 && method.equals("GET")) {
            send(exchange, 200, inventory.all().stream().map(Release::itemJson).collect(Collectors.joining(",", "[", "]")));
        } else if (path.length == 4 && method.equals("GET")) {
            Optional<Item> item = inventory.find(path[3]);
            send(exchange, item.isPresent() ? 200 : 404,
                    item.map(Release::itemJson).orElse("{\"error\":\"no such item\"}"));
        } else if (path.length == 5 && path[4].equals("reserve") && method.equals("POST")) {
            int count = count(uri.getRawQuery());
            int before = inventory.find(path[3]).map(Item::quantity).orElse(0);
            Optional<Item> left = Release.reserve(inventory, path[3], count);
            send(exchange, left.isPresent() ? 200 : 409, left
                    .map(item -> "{\"sku\":" + Json.string(item.sku()) + ",\"reserved\":" + (before - item.quantity())
                            + ",\"left\":" + item.quantity() + "}")
                    .orElse("{\"error\":\"not enough in stock\"}"));
        } else {
            send(exchange, 404, "{\"error\":\"no such resource\"}");
        }
    }

    private static int count(String query) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("count=")) {
                    try {
                        return Integer.parseInt(pair.substring(6));
                    } catch (NumberFormatException notANumber) {
                        return 0;
                    }
                }
            }
        }
        return 1;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
