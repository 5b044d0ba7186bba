package org.postpatch.probes.http.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The final response to a probe's request, with what it took to get it. The body is parsed as
 * JSON at most once, and only when an expectation or a capture asks for it. Used by one thread.
 */
public final class ReceivedResponse {

    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;
    private final URI uri;
    private final Duration latency;
    private final List<Certificate> certificates;
    private final String redirectNote;
    private final boolean cold;
    private JsonNode json;
    private String visibleText;

    /**
     * @param uri           where the final response came from (after followed redirects), without user info
     * @param latency       from sending the first request to the last byte of the final body
     * @param certificates  the server's certificate chain over https, leaf first; empty over plain http
     * @param redirectNote  why a redirect response was not followed, or null
     * @param cold          true when sent before any response had arrived in this process, so that
     *                      its latency includes loading the JDK's HTTP stack
     */
    public ReceivedResponse(int status, HttpHeaders headers, byte[] body, URI uri, Duration latency,
                            List<Certificate> certificates, String redirectNote, boolean cold) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.uri = uri;
        this.latency = latency;
        this.certificates = List.copyOf(certificates);
        this.redirectNote = redirectNote;
        this.cold = cold;
    }

    /** True when this was one of the first requests of the process (see the constructor). */
    public boolean cold() {
        return cold;
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    public URI uri() {
        return uri;
    }

    public Duration latency() {
        return latency;
    }

    public List<Certificate> certificates() {
        return certificates;
    }

    /** Why a redirect response was not followed, or null. */
    public String redirectNote() {
        return redirectNote;
    }

    /** The body parsed as JSON (parsed once). */
    public JsonNode json() throws IOException {
        if (json == null) {
            json = Json.parse(body);
        }
        return json;
    }

    /** The body as text, in the charset the response declared (UTF-8 otherwise). */
    public String text() {
        return new String(body, charset());
    }

    /** The response's media type, lower case, without parameters; empty when not given. */
    public String mediaType() {
        String type = headers.firstValue("Content-Type").orElse("");
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** True when the body is meant to be read as text (or its type is not given). */
    public boolean isText() {
        String type = mediaType();
        return type.isEmpty() || type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.contains("javascript") || type.contains("x-www-form-urlencoded") || type.contains("yaml");
    }

    /** True for an HTML page: declared {@code text/html} or XHTML, or undeclared and starting like one. */
    public boolean isHtml() {
        String type = mediaType();
        if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
            return true;
        }
        if (!type.isEmpty()) {
            return false;
        }
        String start = new String(body, 0, Math.min(body.length, 64), StandardCharsets.ISO_8859_1).strip()
                .toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    /** For an HTML page, the text a person sees (see {@link HtmlText}); computed once. */
    public String visibleText() {
        if (visibleText == null) {
            visibleText = HtmlText.visible(text());
        }
        return visibleText;
    }

    /** For an HTML page, the text a person sees, line by line (see {@link HtmlText#lines}). */
    public List<String> visibleLines() {
        return HtmlText.lines(text());
    }

    /** A short, redacted excerpt of the body for a failure reason: {@code body: ...}. */
    public String bodyExcerpt(org.postpatch.api.ProbeContext context) {
        return bodyExcerpt(context, null);
    }

    /** As {@link #bodyExcerpt(org.postpatch.api.ProbeContext)}, around where the body comes closest to {@code wanted}. */
    public String bodyExcerpt(org.postpatch.api.ProbeContext context, String wanted) {
        if (body.length == 0) {
            return "empty body";
        }
        if (!isText()) {
            return "body: " + body.length + " bytes of " + mediaType();
        }
        return "body: " + Texts.excerptAround(context, text(), wanted, Texts.BODY_EXCERPT);
    }

    /**
     * An excerpt of what a person reads in the response, for failures about its text: for an HTML
     * page its visible text ({@code page text: ...}) rather than the markup of its head, otherwise the
     * body; around where it comes closest to {@code wanted} (null: from the start).
     */
    public String textExcerpt(org.postpatch.api.ProbeContext context, String wanted) {
        if (body.length == 0 || !isHtml()) {
            return bodyExcerpt(context, wanted);
        }
        String visible = visibleText();
        if (visible.isEmpty()) {
            return "no page text (only markup and scripts); " + bodyExcerpt(context, wanted);
        }
        return "page text: " + Texts.excerptAround(context, visible, wanted, Texts.BODY_EXCERPT);
    }

    /** The host and port the final response came from, for messages. */
    public String authority() {
        return uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private Charset charset() {
        Optional<String> type = headers.firstValue("Content-Type");
        if (type.isPresent()) {
            for (String parameter : type.get().split(";")) {
                String trimmed = parameter.trim();
                if (trimmed.regionMatches(true, 0, "charset=", 0, 8)) {
                    try {
                        return Charset.forName(trimmed.substring(8).replace("\"", "").trim());
                    } catch (IllegalArgumentException unknown) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
