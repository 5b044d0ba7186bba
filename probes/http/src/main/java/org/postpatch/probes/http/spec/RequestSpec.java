package org.postpatch.probes.http.spec;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request an {@code http} probe sends, fully resolved.
 *
 * @param uri       the URL with the query parameters added and any user info removed
 * @param shownUri  the URL for messages: as {@code uri}, or the template when only known at run time
 * @param headers   header names to values, in file order, Basic authorization from the URL included
 * @param secrets   values that must never be shown: secret header values and URL passwords
 */
public record RequestSpec(Method method, URI uri, String shownUri, Map<String, String> headers, RequestBody body,
                          TlsSettings tls, Redirects redirects, List<String> secrets) {

    public RequestSpec {
        headers = Map.copyOf(headers);
        secrets = List.copyOf(secrets);
    }

    /** The request line for messages, such as {@code GET http://localhost:8080/health}. */
    public String describe() {
        return method + " " + shownUri;
    }

    /** This request, with the header added unless its headers already give it (in any case). */
    public RequestSpec withDefaultHeader(String name, String value) {
        if (headers.keySet().stream().anyMatch(given -> given.equalsIgnoreCase(name))) {
            return this;
        }
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new RequestSpec(method, uri, shownUri, all, body, tls, redirects, secrets);
    }

    /** Only the request line: the headers and secrets must never end up in a message. */
    @Override
    public String toString() {
        return describe();
    }
}
