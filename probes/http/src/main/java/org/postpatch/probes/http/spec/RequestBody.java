package org.postpatch.probes.http.spec;

/**
 * The body of a request, encoded when the probe is bound.
 *
 * @param contentType the Content-Type sent unless the probe's headers set one; null for no body
 */
public record RequestBody(String contentType, byte[] content) {

    /** No body. */
    public static final RequestBody NONE = new RequestBody(null, new byte[0]);

    public boolean isEmpty() {
        return contentType == null;
    }
}
