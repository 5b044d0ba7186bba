package org.postpatch.server;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serves a {@link Handler} on a path of a JDK {@code com.sun.net.httpserver.HttpServer} that an
 * application already runs, for applications that want one port. The handler sees the same
 * {@link Request} as on a {@link WebServer} (path decoded and checked, body bounded), but reading the
 * request is the JDK server's, on the application's threads: the deadlines and the immunity to
 * stalled clients hold only on a {@link WebServer}.
 */
public final class JdkServerMount {

    private JdkServerMount() {
    }

    /** Adds a context for {@code path} and everything under it; remove it with {@code server.removeContext}. */
    public static HttpContext mount(HttpServer server, String path, Handler handler, int maxBodyBytes) {
        return server.createContext(path, exchange -> serve(exchange, handler, maxBodyBytes));
    }

    private static void serve(HttpExchange exchange, Handler handler, int maxBodyBytes) {
        boolean head = exchange.getRequestMethod().equals("HEAD");
        Request request;
        try {
            request = Request.of(exchange.getRequestMethod(), target(exchange.getRequestURI()),
                    headers(exchange), body(exchange.getRequestBody(), maxBodyBytes));
        } catch (RequestRefused refused) {
            send(exchange, Response.text(refused.status(), refused.getMessage() + "\n"), head);
            return;
        } catch (IOException clientGone) {
            exchange.close();
            return;
        }
        Response response;
        try {
            response = handler.handle(request);
        } catch (Exception | LinkageError | AssertionError failure) {
            response = WebServer.failed(request, failure);
        }
        answer(exchange, request, response, head);
    }

    private static void answer(HttpExchange exchange, Request request, Response response, boolean head) {
        if (response == null) {
            send(exchange, WebServer.failed(request, new IllegalStateException("the handler answered null")), head);
        } else if (response.deferred().isEmpty()) {
            send(exchange, response, head);
        } else {
            response.deferred().get().whenComplete((finished, failure) -> answer(exchange, request,
                    finished != null ? finished : WebServer.failed(request, failure), head));
        }
    }

    private static void send(HttpExchange exchange, Response response, boolean head) {
        try (exchange) {
            for (Map.Entry<String, String> field : response.headers().fields()) {
                if (!ResponseEncoder.isServerField(field.getKey())) {
                    exchange.getResponseHeaders().set(field.getKey(), field.getValue());
                }
            }
            byte[] body = response.bodyBytes();
            boolean noBody = head || body.length == 0 || response.status() == 204 || response.status() == 304;
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException | RuntimeException clientGone) {
            // Nothing to answer to.
        }
    }

    private static String target(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static Headers headers(HttpExchange exchange) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> values.forEach(value -> fields.add(Map.entry(name, value))));
        return Headers.of(fields);
    }

    private static byte[] body(InputStream in, int maxBodyBytes) throws IOException, RequestRefused {
        try (in) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw new RequestRefused(413, "the body may have at most " + maxBodyBytes + " bytes");
            }
            return body;
        }
    }
}
