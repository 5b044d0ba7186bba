package org.postpatch.probes.http.expect.jsonpath;

/** A position in a query's text while it is parsed, and the errors that name that position. */
final class Cursor {

    private final String text;
    private final boolean widerNames;
    private int position;

    Cursor(String text, boolean widerNames) {
        this.text = text;
        this.widerNames = widerNames;
    }

    /** True when a name after a dot may use more characters than RFC 9535 allows (see {@link QueryParser#parse}). */
    boolean widerNames() {
        return widerNames;
    }

    String text() {
        return text;
    }

    int position() {
        return position;
    }

    void moveTo(int at) {
        position = at;
    }

    boolean atEnd() {
        return position >= text.length();
    }

    /** The character here, or 0 at the end. */
    char peek() {
        return peek(0);
    }

    char peek(int ahead) {
        int at = position + ahead;
        return at < text.length() ? text.charAt(at) : 0;
    }

    int peekCodePoint() {
        return atEnd() ? -1 : text.codePointAt(position);
    }

    char next() {
        return text.charAt(position++);
    }

    void skip(int count) {
        position += count;
    }

    boolean lookingAt(String expected) {
        return text.startsWith(expected, position);
    }

    /** Consumes {@code expected} when it is next. */
    boolean take(String expected) {
        if (lookingAt(expected)) {
            position += expected.length();
            return true;
        }
        return false;
    }

    /** Consumes {@code expected} or fails saying what was found instead. */
    void expect(char expected, String what) {
        if (peek() != expected || atEnd()) {
            throw error("expected " + what + " but found " + found());
        }
        position++;
    }

    /** Skips blank space (space, tab, line feed, carriage return), which RFC 9535 allows between tokens. */
    boolean skipBlank() {
        int start = position;
        while (!atEnd() && isBlank(text.charAt(position))) {
            position++;
        }
        return position > start;
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** What is here, for messages: {@code 'x'} or "the end". */
    String found() {
        if (atEnd()) {
            return "the end";
        }
        int codePoint = text.codePointAt(position);
        if (codePoint < 0x20) {
            return String.format("U+%04X", codePoint);
        }
        return "'" + new String(Character.toChars(codePoint)) + "'";
    }

    InvalidPathException error(String reason) {
        return errorAt(position, reason);
    }

    InvalidPathException errorAt(int at, String reason) {
        return new InvalidPathException(text, reason, at + 1);
    }
}
