package org.postpatch.probes.http.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.postpatch.api.ProbeContext;
import org.postpatch.probes.http.expect.ReceivedResponse;
import org.postpatch.probes.http.spec.Method;
import org.postpatch.probes.http.spec.Redirects;
import org.postpatch.probes.http.spec.RequestBody;
import org.postpatch.probes.http.spec.RequestSpec;

/**
 * Sends one probe's request and follows redirects when asked, on the same host only. An abandoned
 * attempt (the probe's timeout, the run's deadline, Ctrl-C) interrupts the sending thread, which
 * cancels the request in flight and closes its connection.
 */
public final class Exchange {

    /** How many redirects are followed at most. */
    public static final int MAX_REDIRECTS = 10;

    /** Slack on the client's own timeout, so that postpatch's timeout fires first and names the probe's. */
    private static final Duration CLIENT_TIMEOUT_SLACK = Duration.ofSeconds(1);

    /** Set once any response has arrived in this process: later requests no longer load the HTTP stack. */
    private static volatile boolean warm;

    private final HttpClient client;
    private final RequestSpec request;

    public Exchange(HttpClient client, RequestSpec request) {
        this.client = client;
        this.request = request;
    }

    /**
     * Sends the request and returns the final response.
     *
     * @throws IOException what the client threw (connection refused, TLS...), for {@link ConnectionFailures}
     */
    public ReceivedResponse send(ProbeContext context) throws IOException, InterruptedException {
        long start = System.nanoTime();
        boolean cold = !warm;
        URI uri = request.uri();
        Method method = request.method();
        RequestBody body = request.body();
        for (int redirects = 0; ; redirects++) {
            // The blocking send, not sendAsync().get(): sendAsync completes through one more thread
            // hand-off, which measurably slows a run of many small requests. An abandoned attempt's
            // thread is interrupted, and the JDK client then cancels the exchange and closes its connection.
            HttpResponse<byte[]> response = client.send(build(uri, method, body, context),
                    HttpResponse.BodyHandlers.ofByteArray());
            Optional<URI> location = location(response, uri);
            String note = null;
            if (location.isPresent()) {
                URI next = location.get();
                note = refusal(uri, next, redirects);
                if (note == null) {
                    uri = next;
                    if (response.statusCode() == 303 || (response.statusCode() <= 302 && method == Method.POST)) {
                        method = Method.GET;
                        body = RequestBody.NONE;
                    }
                    continue;
                }
            }
            warm = true;
            return new ReceivedResponse(response.statusCode(), response.headers(), response.body(), uri,
                    Duration.ofNanos(System.nanoTime() - start), certificates(response), note, cold);
        }
    }

    private HttpRequest build(URI uri, Method method, RequestBody body, ProbeContext context) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(context.remaining().plus(CLIENT_TIMEOUT_SLACK))
                .method(method.name(), body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body.content()));
        boolean typed = false;
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            builder.header(header.getKey(), header.getValue());
            typed |= header.getKey().equalsIgnoreCase("Content-Type");
        }
        if (!typed && !body.isEmpty()) {
            builder.header("Content-Type", body.contentType());
        }
        return builder.build();
    }

    private static Optional<URI> location(HttpResponse<?> response, URI from) {
        int status = response.statusCode();
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            return Optional.empty();
        }
        return response.headers().firstValue("Location").flatMap(location -> {
            try {
                return Optional.of(from.resolve(location.trim()));
            } catch (IllegalArgumentException unusable) {
                return Optional.empty();
            }
        });
    }

    /** Why the redirect to {@code next} is not followed, or null to follow it. */
    private String refusal(URI from, URI next, int followed) {
        String target = "redirect to " + shown(next) + " not followed";
        if (request.redirects() == Redirects.NONE) {
            return target + "; add redirects: follow to follow it";
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (next.getHost() == null || !next.getHost().equalsIgnoreCase(from.getHost())) {
            return target + ": postpatch never follows a redirect to another host";
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && from.getScheme().equalsIgnoreCase("http"))) {
            return target + ": only http and https, never from https to http";
        }
        if (followed >= MAX_REDIRECTS) {
            return target + ": already followed " + MAX_REDIRECTS;
        }
        return null;
    }

    private static String shown(URI uri) {
        return uri.getRawUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo() + "@", "");
    }

    private static List<Certificate> certificates(HttpResponse<?> response) {
        return response.sslSession().map(session -> {
            try {
                return List.of(session.getPeerCertificates());
            } catch (SSLPeerUnverifiedException anonymous) {
                return List.<Certificate>of();
            }
        }).orElse(List.of());
    }
}
