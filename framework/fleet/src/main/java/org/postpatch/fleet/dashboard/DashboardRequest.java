package org.postpatch.fleet.dashboard;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as the dashboard sees it, whatever server received it: method, path, decoded
 * query parameters, headers (names in lower case) and body.
 */
public record DashboardRequest(String method, String path, Map<String, String> query, Map<String, List<String>> headers,
                               byte[] body) {

    public DashboardRequest {
        query = Map.copyOf(query);
        Map<String, List<String>> lowerCase = new LinkedHashMap<>();
        headers.forEach((name, values) -> lowerCase.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
        headers = Map.copyOf(lowerCase);
        body = body == null ? new byte[0] : body.clone();
    }

    /** A request from its raw parts: the query string as sent ({@code a=1&b=x%20y}, may be null). */
    public static DashboardRequest of(String method, String path, String rawQuery, Map<String, List<String>> headers,
                                      byte[] body) {
        return new DashboardRequest(method, path, form(rawQuery), headers, body);
    }

    /** Decodes {@code application/x-www-form-urlencoded} text (a query string or a form's body); the first value of a name wins. */
    public static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            values.putIfAbsent(name, value);
        }
        return values;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /** A cookie's value, from every {@code Cookie} header. */
    public Optional<String> cookie(String name) {
        for (String header : headers.getOrDefault("cookie", List.of())) {
            for (String part : header.split(";")) {
                String trimmed = part.strip();
                if (trimmed.startsWith(name + "=")) {
                    return Optional.of(decode(trimmed.substring(name.length() + 1)));
                }
            }
        }
        return Optional.empty();
    }

    /** The body as a form ({@code application/x-www-form-urlencoded}). */
    public Map<String, String> formBody() {
        return form(new String(body, StandardCharsets.UTF_8));
    }
}
