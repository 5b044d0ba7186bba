package org.postpatch.fleet.dashboard;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postpatch.server.Request;
import org.postpatch.server.Response;
import org.postpatch.server.ServerSettings;
import org.postpatch.server.WebServer;

/**
 * Serves a {@link DashboardHandler} on postpatch's own non-blocking server (the one behind
 * {@code /selftest}): stalled clients cannot silence the page, and a request is read within a
 * deadline. The only class that knows which server runs the dashboard.
 */
public final class DashboardServer implements AutoCloseable {

    /** The port of {@code postpatch dashboard} unless told otherwise. */
    public static final int DEFAULT_PORT = 9092;

    /** A form's body is a token; anything longer is refused rather than read. */
    private static final int MAX_BODY = 16 * 1024;

    private final WebServer server;

    private DashboardServer(WebServer server) {
        this.server = server;
    }

    /** Starts serving; port 0 picks a free one. */
    public static DashboardServer start(InetSocketAddress address, DashboardHandler handler) throws IOException {
        ServerSettings settings = ServerSettings.defaults("postpatch-dashboard").toBuilder().maxBodyBytes(MAX_BODY).build();
        return new DashboardServer(WebServer.start(address, settings, request -> serve(request, handler)));
    }

    private static Response serve(Request request, DashboardHandler handler) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : request.headers().fields()) {
            headers.computeIfAbsent(field.getKey(), name -> new ArrayList<>()).add(field.getValue());
        }
        DashboardResponse answer = handler.handle(DashboardRequest.of(request.method(), request.path(), request.rawQuery(),
                headers, request.body()));
        String contentType = answer.headers().getOrDefault("Content-Type", "text/plain; charset=utf-8");
        Response response = answer.body().length == 0 ? Response.empty(answer.status())
                : Response.of(answer.status(), contentType, answer.body());
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("Content-Type")) {
                response = response.withHeader(header.getKey(), header.getValue());
            }
        }
        return response;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}
