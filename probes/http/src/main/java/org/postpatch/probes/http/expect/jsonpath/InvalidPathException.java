package org.postpatch.probes.http.expect.jsonpath;

/** A text that is not a JSONPath query: says why, and at which character (1-based). */
public final class InvalidPathException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String reason;
    private final int position;

    InvalidPathException(String path, String reason, int position) {
        super("'" + path + "' is not a JSONPath: " + reason + (position > 0 ? " at position " + position : ""));
        this.path = path;
        this.reason = reason;
        this.position = position;
    }

    /** The text as written. */
    public String path() {
        return path;
    }

    /** Why it is not a query, without the path or position. */
    public String reason() {
        return reason;
    }

    /** The character (from 1) where the problem is, or 0 for the whole text. */
    public int position() {
        return position;
    }
}
