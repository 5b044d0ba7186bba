package org.postpatch.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Assembles requests from the bytes a connection receives, however they are split, one request at
 * a time and within the settings' limits: the request line (414), the header section and its field
 * count (431), the body by {@code Content-Length} (413; chunked bodies 411). Scanning resumes where
 * it stopped, so a client trickling a byte at a time costs no re-reading. Used by one thread.
 */
final class RequestReader {

    /** A complete request and whether the connection may carry another after its answer. */
    record Parsed(Request request, boolean keepAlive, boolean head) {
    }

    private static final byte[] NOTHING = new byte[0];

    private final ServerSettings settings;
    private byte[] buffer = NOTHING;
    private int length;
    /** Where the request line starts, after any blank lines a client may send before it. */
    private int requestLineStart;
    private int lineStart;
    private int scanned;
    private int headEnd = -1;

    private String method;
    private RequestTarget target;
    private Headers headers;
    private boolean keepAlive;
    private int bodyLength;
    private boolean continueWanted;

    RequestReader(ServerSettings settings) {
        this.settings = settings;
    }

    /** True when bytes of a next request have arrived. */
    boolean hasBytes() {
        return length > 0;
    }

    void append(ByteBuffer bytes) {
        int needed = length + bytes.remaining();
        if (needed > buffer.length) {
            byte[] bigger = new byte[Math.max(needed, Math.min(Math.max(512, buffer.length * 2), limit()))];
            System.arraycopy(buffer, 0, bigger, 0, length);
            buffer = bigger;
        }
        bytes.get(buffer, length, bytes.remaining());
        length = needed;
    }

    /** The next complete request, or null until more bytes arrive. */
    Parsed poll() throws RequestRefused {
        if (headEnd < 0 && !findHeadEnd()) {
            return null;
        }
        if (length - headEnd < bodyLength) {
            return null;
        }
        byte[] body = bodyLength == 0 ? NOTHING : java.util.Arrays.copyOfRange(buffer, headEnd, headEnd + bodyLength);
        Parsed parsed = new Parsed(Request.of(method, target, headers, body), keepAlive, method.equals("HEAD"));
        consume(headEnd + bodyLength);
        return parsed;
    }

    /** True once, when the client asked to be told to send its body ({@code Expect: 100-continue}). */
    boolean takeContinue() {
        boolean wanted = continueWanted && headEnd >= 0 && length - headEnd < bodyLength;
        continueWanted = false;
        return wanted;
    }

    private boolean findHeadEnd() throws RequestRefused {
        for (int i = scanned; i < length; i++) {
            if (buffer[i] != '\n') {
                continue;
            }
            int lineEnd = i > lineStart && buffer[i - 1] == '\r' ? i - 1 : i;
            if (lineStart == requestLineStart) {
                if (lineEnd == lineStart) {
                    requestLineStart = i + 1; // a blank line before the request line is tolerated (RFC 9112, 2.2)
                } else if (lineEnd - requestLineStart > settings.maxRequestLineBytes()) {
                    throw tooLongRequestLine();
                }
            } else if (lineEnd == lineStart) {
                headEnd = i + 1;
                scanned = headEnd;
                readHead();
                return true;
            }
            lineStart = i + 1;
        }
        scanned = length;
        if (lineStart == requestLineStart && length - requestLineStart > settings.maxRequestLineBytes()) {
            throw tooLongRequestLine();
        }
        if (length > settings.maxHeaderBytes()) {
            throw tooLargeHead();
        }
        return false;
    }

    private void readHead() throws RequestRefused {
        if (headEnd > settings.maxHeaderBytes()) {
            throw tooLargeHead();
        }
        String[] lines = new String(buffer, requestLineStart, headEnd - requestLineStart, StandardCharsets.ISO_8859_1)
                .split("\n");
        String[] requestLine = stripCr(lines[0]).split(" ", -1);
        if (requestLine.length != 3 || !Tokens.isToken(requestLine[0])) {
            throw new RequestRefused(400, "the request line must be METHOD /path HTTP/1.1");
        }
        boolean http10 = version(requestLine[2]);
        method = requestLine[0];
        target = RequestTarget.parse(requestLine[1]);
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = stripCr(lines[i]);
            if (line.isEmpty()) {
                break;
            }
            if (fields.size() == settings.maxHeaderCount()) {
                throw new RequestRefused(431, "more than " + settings.maxHeaderCount() + " header fields");
            }
            fields.add(field(line));
        }
        headers = Headers.of(fields);
        keepAlive = !http10 && !headers.hasToken("Connection", "close");
        bodyLength = bodyLength(headers);
        continueWanted = !http10 && headers.hasToken("Expect", "100-continue");
    }

    private static boolean version(String version) throws RequestRefused {
        if (version.equals("HTTP/1.1")) {
            return false;
        }
        if (version.equals("HTTP/1.0")) {
            return true;
        }
        if (version.matches("HTTP/[0-9]\\.[0-9]")) {
            throw new RequestRefused(505, "only HTTP/1.1 and HTTP/1.0 are served, not " + version);
        }
        throw new RequestRefused(400, "the request line must end with HTTP/1.1");
    }

    private static Map.Entry<String, String> field(String line) throws RequestRefused {
        if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
            throw new RequestRefused(400, "header fields must not be folded over several lines");
        }
        int colon = line.indexOf(':');
        if (colon <= 0 || !Tokens.isToken(line.substring(0, colon))) {
            throw new RequestRefused(400, "a header field must be NAME: value, with no space before the colon");
        }
        String value = line.substring(colon + 1).strip();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                throw new RequestRefused(400, "header field " + line.substring(0, colon) + " has a control character");
            }
        }
        return Map.entry(line.substring(0, colon), value);
    }

    private int bodyLength(Headers fields) throws RequestRefused {
        List<String> lengths = fields.all("Content-Length");
        if (!fields.all("Transfer-Encoding").isEmpty()) {
            if (!lengths.isEmpty()) {
                throw new RequestRefused(400, "a request must not have both Transfer-Encoding and Content-Length");
            }
            throw new RequestRefused(411, "send the body with a Content-Length; chunked request bodies are not accepted");
        }
        String value = null;
        for (String listed : lengths) {
            for (String one : listed.split(",", -1)) {
                String length = one.strip();
                if (length.isEmpty() || length.length() > 18 || !length.chars().allMatch(c -> c >= '0' && c <= '9')
                        || (value != null && !value.equals(length))) {
                    throw new RequestRefused(400, "Content-Length must be one number of bytes");
                }
                value = length;
            }
        }
        long declared = value == null ? 0 : Long.parseLong(value);
        if (declared > settings.maxBodyBytes()) {
            throw new RequestRefused(413, "the body may have at most " + settings.maxBodyBytes() + " bytes, not " + declared);
        }
        return (int) declared;
    }

    /** Forgets the request just read; keeps the bytes of any that follow it (pipelining). */
    private void consume(int end) {
        int left = length - end;
        if (left == 0) {
            buffer = buffer.length > 4096 ? NOTHING : buffer;
        } else {
            byte[] kept = buffer.length > 4096 ? new byte[Math.max(left, 512)] : buffer;
            System.arraycopy(buffer, end, kept, 0, left);
            buffer = kept;
        }
        length = left;
        requestLineStart = 0;
        lineStart = 0;
        scanned = 0;
        headEnd = -1;
        method = null;
        target = null;
        headers = null;
        bodyLength = 0;
        continueWanted = false;
    }

    private int limit() {
        return settings.maxHeaderBytes() + settings.maxBodyBytes();
    }

    private RequestRefused tooLongRequestLine() {
        return new RequestRefused(414, "the request line is longer than " + settings.maxRequestLineBytes() + " bytes");
    }

    private RequestRefused tooLargeHead() {
        return new RequestRefused(431, "the header section is larger than " + settings.maxHeaderBytes() + " bytes");
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
