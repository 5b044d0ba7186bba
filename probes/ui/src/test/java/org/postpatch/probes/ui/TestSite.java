package org.postpatch.probes.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small web application on loopback, with the pages the ui probes walk: a login form, a page built
 * by script, an element that appears a second late, a page with a script error, a page that never
 * answers, a page whose script never ends, and a page that shows what an earlier visitor left in
 * cookies and storage. Like many applications it has no {@code /favicon.ico}.
 */
final class TestSite implements AutoCloseable {

    static final String PASSWORD = "Pw-Canary-7f3a91";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "test-site");
        thread.setDaemon(true);
        return thread;
    });
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicInteger neverAnswered = new AtomicInteger();

    TestSite() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::route);
        server.start();
    }

    /** The site's address, like {@code http://127.0.0.1:41234}. */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests to /never that are still waiting for an answer. */
    int waitingForever() {
        return neverAnswered.get();
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        switch (path) {
            case "/login" -> page(exchange, "Sign in", LOGIN);
            case "/orders" -> orders(exchange);
            case "/scripted" -> page(exchange, "Scripted", """
                    <div id="app">Loading</div>
                    <script>
                      var made = document.createElement('p');
                      made.id = 'made';
                      made.textContent = 'Made by script';
                      document.getElementById('app').replaceChildren(made);
                    </script>""");
            case "/delayed" -> page(exchange, "Delayed", """
                    <div id="spinner">Loading</div>
                    <script>
                      setTimeout(function () {
                        document.getElementById('spinner').remove();
                        var late = document.createElement('p');
                        late.id = 'late';
                        late.textContent = 'Arrived late';
                        document.body.appendChild(late);
                      }, 1000);
                    </script>""");
            case "/broken" -> page(exchange, "Broken", """
                    <p>Almost fine</p>
                    <script>undefinedFunction();</script>""");
            case "/clean" -> page(exchange, "Clean", "<p>All fine</p><script>var fine = 1;</script>");
            case "/visitor" -> page(exchange, "Visitor", """
                    <p id="before"></p>
                    <script>
                      var left = [localStorage.getItem('visited'), sessionStorage.getItem('visited'),
                                  document.cookie.indexOf('visited=') >= 0 ? 'cookie' : null].filter(Boolean);
                      document.getElementById('before').textContent = 'Left before: ' + (left.length ? left.join(', ') : 'nothing');
                      localStorage.setItem('visited', 'local');
                      sessionStorage.setItem('visited', 'session');
                      document.cookie = 'visited=yes; path=/';
                    </script>""");
            case "/links" -> page(exchange, "Links", """
                    <nav><a href="/scripted">Scripted page</a> <a href="/clean">Clean page</a></nav>
                    <button type="button" onclick="this.textContent='Pressed'">Press</button>
                    <button type="button" onclick="this.textContent='Second pressed'">Second</button>""");
            case "/never" -> never(exchange);
            case "/spin" -> page(exchange, "Spinning", "<p>Busy</p><script>while (true) { }</script>");
            default -> send(exchange, 404, "text/plain", "not found");
        }
    }

    private static final String LOGIN = """
            <form id="login" action="/orders" method="post">
              <label for="user">User name</label> <input id="user" name="user">
              <label>Password <input id="password" name="password" type="password"></label>
              <label for="country">Country</label>
              <select id="country" name="country">
                <option>Germany</option><option>France</option><option>Spain</option>
              </select>
              <button type="submit">Sign in</button>
            </form>""";

    private void orders(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!"demo".equals(form.get("user")) || !PASSWORD.equals(form.get("password"))) {
            page(exchange, "Sign in", "<p class=\"error\">Error: wrong user name or password</p>" + LOGIN);
            return;
        }
        page(exchange, "Orders", """
                <h1>Welcome, demo</h1>
                <p>Shipping to %s</p>
                <ul id="orders"><li>A-1</li><li>B-2</li><li>C-3</li></ul>
                <ul id="archive" style="display:none"><li>Z-9</li></ul>""".formatted(form.get("country")));
    }

    private void never(HttpExchange exchange) {
        neverAnswered.incrementAndGet();
        try {
            closing.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            neverAnswered.decrementAndGet();
            exchange.close();
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void page(HttpExchange exchange, String title, String body) throws IOException {
        send(exchange, 200, "text/html; charset=utf-8", """
                <!DOCTYPE html>
                <html><head><title>%s</title></head>
                <body>%s</body></html>""".formatted(title, body));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
