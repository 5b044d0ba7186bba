package org.postpatch.probes.http.spec;

import java.util.Locale;

/** The request methods, each written as the key that holds the URL: {@code get: http://...}. */
public enum Method {
    GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS;

    /** The key in a probe file, such as {@code post}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
