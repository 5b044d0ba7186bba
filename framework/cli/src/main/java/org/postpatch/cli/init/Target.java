package org.postpatch.cli.init;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.postpatch.config.Durations;
import org.postpatch.probes.http.client.ConnectionFailures;
import org.postpatch.probes.http.client.HttpClients;
import org.postpatch.probes.http.spec.TlsSettings;

/**
 * The running application that init looks at: GET requests under its base URL, each bounded in time
 * (connection, answer and body together) and in size, on the {@code http} kind's client, which is
 * stopped on close. Never sends credentials, never follows redirects.
 */
public final class Target implements AutoCloseable {

    /** The most of a body init reads: enough for the OpenAPI document of a large application. */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final URI base;
    private final Duration timeout;
    private final HttpClients clients = new HttpClients();

    private Target(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
    }

    /**
     * The application at {@code url}.
     *
     * @throws IllegalArgumentException saying what is wrong with the URL
     */
    public static Target of(String url, Duration timeout) {
        return new Target(baseUrl(url), timeout);
    }

    /** The URL checked and normalised: http or https, a host, no credentials, no query, no trailing slash. */
    static URI baseUrl(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException malformed) {
            throw new IllegalArgumentException("'" + url + "' is not a URL: " + malformed.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("expected the application's http:// or https:// URL with a host, found '" + url + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("give the URL without a user and password: postpatch init uses no credentials and "
                    + "writes none (a probe that needs them takes ${secret:NAME})");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("give the application's base URL, without ?query or #fragment: '" + url + "'");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    /** The base URL, without a trailing slash: {@code http://localhost:8080}. */
    public String url() {
        return base.toString();
    }

    /** The base URL's path ({@code ""} or {@code /app}), which OpenAPI server URLs may repeat. */
    public String basePath() {
        return base.getRawPath() == null ? "" : base.getRawPath();
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * GET {@code path} under the base URL, or an absolute http(s) URL.
     *
     * @throws NoAnswerException when no HTTP answer came, or not all of it within the timeout
     */
    public Answer get(String path) throws NoAnswerException, InterruptedException {
        boolean absolute = path.startsWith("http://") || path.startsWith("https://");
        URI uri;
        try {
            uri = URI.create(absolute ? path : url() + path);
        } catch (IllegalArgumentException notAUrl) {
            throw new NoAnswerException("GET " + path + ": not a URL (" + notAUrl.getMessage() + ")");
        }
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(timeout)
                .header("Accept", "application/json, application/yaml;q=0.9, */*;q=0.8").build();
        HttpClient client = clients.client(TlsSettings.DEFAULT);
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<LimitedBody.Bytes>> future = client.sendAsync(request, LimitedBody.handler(MAX_BODY_BYTES));
        try {
            HttpResponse<LimitedBody.Bytes> response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(path, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    relative(response.headers().firstValue("Location").orElse("")), response.body().content(),
                    response.body().cut(), Duration.ofNanos(System.nanoTime() - start));
        } catch (TimeoutException slow) {
            future.cancel(true);
            throw tooSlow(path);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof HttpTimeoutException) {
                throw tooSlow(path);
            }
            throw new NoAnswerException("GET " + path + ": " + ConnectionFailures.describe(failed.getCause(), uri));
        } catch (InterruptedException interrupted) {
            future.cancel(true);
            throw interrupted;
        }
    }

    /** GET, or empty when no answer came, the reason recorded in {@code findings}. */
    Optional<Answer> get(String path, Findings findings) throws InterruptedException {
        try {
            return Optional.of(get(path));
        } catch (NoAnswerException silent) {
            findings.unanswered(path, silent);
            return Optional.empty();
        }
    }

    private NoAnswerException tooSlow(String path) {
        return new NoAnswerException("GET " + path + ": no complete answer within " + Durations.format(timeout)
                + " (--timeout)");
    }

    /** A Location on this application as a path, for progress lines; any other as it is. */
    private String relative(String location) {
        return location.startsWith(url()) ? location.substring(url().length()) : location;
    }

    @Override
    public void close() {
        clients.close();
    }
}
