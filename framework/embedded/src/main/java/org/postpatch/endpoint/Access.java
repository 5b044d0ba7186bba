package org.postpatch.endpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Who may see details and start runs: whoever sends {@code Authorization: Bearer <token>} with the
 * configured token. Compared in constant time. With no token configured, nobody may.
 */
public final class Access {

    /** What a request may do. */
    public enum Level {
        /** A valid token: everything. */
        GRANTED,
        /** A token is configured and the request has none or a wrong one: the summary status only. */
        DENIED,
        /** No token is configured: the summary status only, for everyone. */
        NOT_CONFIGURED
    }

    private final byte[] expectedDigest;

    private Access(String token) {
        this.expectedDigest = token == null || token.isBlank() ? null : sha256(token.strip());
    }

    /** Access with this token; null or blank means no token configured. */
    public static Access withToken(String token) {
        return new Access(token);
    }

    public boolean configured() {
        return expectedDigest != null;
    }

    /** The level of a request with this {@code Authorization} header value (may be null). */
    public Level check(String authorization) {
        if (expectedDigest == null) {
            return Level.NOT_CONFIGURED;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Level.DENIED;
        }
        byte[] given = sha256(authorization.substring(7).strip());
        return MessageDigest.isEqual(given, expectedDigest) ? Level.GRANTED : Level.DENIED;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
