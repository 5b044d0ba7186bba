package org.postpatch.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Writes a response as HTTP/1.1 bytes: status line, the handler's fields, then the ones the server owns. */
final class ResponseEncoder {

    /** The interim answer to {@code Expect: 100-continue}. */
    static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** Fields only the server sets: it alone knows the framing. */
    private static final Set<String> SERVER_FIELDS = Set.of("content-length", "transfer-encoding", "connection", "date");

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(202, "Accepted"), Map.entry(204, "No Content"),
            Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"), Map.entry(303, "See Other"),
            Map.entry(304, "Not Modified"), Map.entry(307, "Temporary Redirect"), Map.entry(308, "Permanent Redirect"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
            Map.entry(409, "Conflict"), Map.entry(411, "Length Required"), Map.entry(413, "Content Too Large"),
            Map.entry(414, "URI Too Long"), Map.entry(429, "Too Many Requests"),
            Map.entry(431, "Request Header Fields Too Large"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(503, "Service Unavailable"),
            Map.entry(505, "HTTP Version Not Supported"));

    private ResponseEncoder() {
    }

    /** The bytes of this response; no body for {@code HEAD} (its length still announced), 204 or 304. */
    static byte[] encode(Response response, boolean head, boolean close) {
        int status = response.status();
        StringBuilder text = new StringBuilder(256).append("HTTP/1.1 ").append(status).append(' ')
                .append(REASONS.getOrDefault(status, "Status " + status)).append("\r\n");
        for (Map.Entry<String, String> field : response.headers().fields()) {
            if (!isServerField(field.getKey())) {
                text.append(field.getKey()).append(": ").append(field.getValue()).append("\r\n");
            }
        }
        byte[] body = response.bodyBytes();
        boolean bodyAllowed = status != 204 && status != 304;
        if (bodyAllowed) {
            text.append("Content-Length: ").append(body.length).append("\r\n");
        }
        text.append("Date: ").append(HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
        if (close) {
            text.append("Connection: close\r\n");
        }
        text.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() + body.length);
        bytes.writeBytes(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (bodyAllowed && !head) {
            bytes.writeBytes(body);
        }
        return bytes.toByteArray();
    }

    /** True for the fields only the server sets (framing, date): a handler's are dropped. */
    static boolean isServerField(String name) {
        return SERVER_FIELDS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The answer to a request the server refused, and the connection closes after it. */
    static byte[] refusal(int status, String reason) {
        return encode(Response.text(status, reason + "\n"), false, true);
    }
}
