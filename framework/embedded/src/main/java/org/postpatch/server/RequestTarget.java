package org.postpatch.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The path and query of a request target, decoded once and strictly, so that no handler has to
 * guess: an encoded slash or backslash ({@code %2F}, {@code %5C}), a NUL or other control character,
 * a dot segment ({@code .}, {@code ..}), a bad escape or invalid UTF-8 is refused with 400 before any
 * handler sees the request. Other oddities ({@code //}, {@code ;x}) are kept as they are and match no
 * route.
 */
record RequestTarget(String path, String rawQuery) {

    /** Reads an origin-form ({@code /path?query}) or absolute-form ({@code http://host/path}) target. */
    static RequestTarget parse(String target) throws RequestRefused {
        String rest = target;
        if (startsWithIgnoreCase(rest, "http://") || startsWithIgnoreCase(rest, "https://")) {
            int pathStart = rest.indexOf('/', rest.indexOf("//") + 2);
            rest = pathStart < 0 ? "/" : rest.substring(pathStart);
        }
        if (!rest.startsWith("/")) {
            throw new RequestRefused(400, "the request target must be a path starting with /");
        }
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c <= 0x20 || c >= 0x7F || c == '#') {
                throw new RequestRefused(400, "the request target has a character that must be percent-encoded");
            }
        }
        int question = rest.indexOf('?');
        String rawPath = question < 0 ? rest : rest.substring(0, question);
        String rawQuery = question < 0 ? "" : rest.substring(question + 1);
        String path = decodePath(rawPath);
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new RequestRefused(400, "the request path must not contain . or .. segments");
            }
        }
        return new RequestTarget(path, rawQuery);
    }

    private static String decodePath(String raw) throws RequestRefused {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            int value = i + 2 < raw.length() ? hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)) : -1;
            if (value < 0) {
                throw new RequestRefused(400, "the request path has a malformed %-escape");
            }
            if (value == '/' || value == '\\' || value < 0x20 || value == 0x7F) {
                throw new RequestRefused(400, "the request path must not encode /, \\ or control characters");
            }
            bytes.write(value);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException invalid) {
            throw new RequestRefused(400, "the request path is not valid UTF-8");
        }
    }

    /** The first value of this query parameter, decoded ({@code +} and {@code %20} are spaces). */
    String queryParameter(String name) {
        if (rawQuery.isEmpty()) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (decodeQueryPart(key).equals(name)) {
                return equals < 0 ? "" : decodeQueryPart(pair.substring(equals + 1));
            }
        }
        return null;
    }

    private static String decodeQueryPart(String part) {
        try {
            return java.net.URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return part;
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -256;
    }

    private static boolean startsWithIgnoreCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
