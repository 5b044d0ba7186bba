package org.postpatch.fleet.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response as the dashboard makes it, for any server to send: status, headers and body. */
public record DashboardResponse(int status, Map<String, String> headers, byte[] body) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public DashboardResponse {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        // Nothing the dashboard serves may be kept by a cache: states change and details need the token.
        copy.putIfAbsent("Cache-Control", "no-store");
        headers = Map.copyOf(copy);
        body = body.clone();
    }

    public static DashboardResponse html(int status, String page) {
        return new DashboardResponse(status, Map.of("Content-Type", "text/html; charset=utf-8",
                "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'",
                "X-Content-Type-Options", "nosniff"), page.getBytes(StandardCharsets.UTF_8));
    }

    public static DashboardResponse json(int status, JsonNode document) {
        try {
            return new DashboardResponse(status, Map.of("Content-Type", "application/json"), MAPPER.writeValueAsBytes(document));
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A JSON error: {@code {"error": "..."}}. */
    public static DashboardResponse error(int status, String message) {
        return json(status, MAPPER.createObjectNode().put("error", message));
    }

    public static DashboardResponse text(int status, String contentType, String text, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Content-Type", contentType);
        return new DashboardResponse(status, headers, text.getBytes(StandardCharsets.UTF_8));
    }

    /** 303 See Other: after a form, the browser loads the page again with GET. */
    public static DashboardResponse redirect(String location, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Location", location);
        return new DashboardResponse(303, headers, new byte[0]);
    }

    /** The same response with one more header. */
    public DashboardResponse with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new DashboardResponse(status, more, body);
    }
}
