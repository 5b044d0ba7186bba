package org.postpatch.cli.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The application's answer to one of init's requests.
 *
 * @param path        what was asked, as the user reads it ({@code /actuator/health})
 * @param status      the HTTP status
 * @param contentType the Content-Type header, or ""
 * @param location    the Location header, or ""
 * @param body        the body, at most {@link Target#MAX_BODY_BYTES}
 * @param cut         true when the body was longer and was cut there
 * @param took        from sending the request to the end of the body
 */
public record Answer(String path, int status, String contentType, String location, byte[] body, boolean cut, Duration took) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    /** True for 401 and 403: the application wants credentials, which init never has. */
    public boolean wantsCredentials() {
        return status == 401 || status == 403;
    }

    /** The body as JSON, when it is a complete JSON document. */
    public Optional<JsonNode> json() {
        if (cut || body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readTree(body));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    public boolean isJson() {
        return contentType.toLowerCase(Locale.ROOT).contains("json");
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** How the status reads in a progress line: {@code 200}, {@code 302 to /orders}. */
    public String describeStatus() {
        return status + (location.isEmpty() ? "" : " to " + location);
    }
}
