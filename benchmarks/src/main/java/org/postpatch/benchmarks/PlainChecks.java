package org.postpatch.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The baseline: what a developer would write by hand with the JDK {@link HttpClient} to do what the
 * benchmark's probes do: GET, check the status, parse the JSON body, compare one field.
 */
final class PlainChecks {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PlainChecks() {
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Makes {@code count} requests on {@code threads} and throws unless every check passed. */
    static void run(HttpClient client, ExecutorService threads, String base, int count) throws Exception {
        List<Future<Boolean>> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            URI uri = URI.create(base + "/item/" + i);
            results.add(threads.submit(() -> check(client, uri)));
        }
        for (Future<Boolean> result : results) {
            if (!result.get()) {
                throw new IllegalStateException("a plain check failed");
            }
        }
    }

    private static boolean check(HttpClient client, URI uri) throws Exception {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return passes(response);
    }

    static boolean passes(HttpResponse<byte[]> response) throws java.io.IOException {
        return response.statusCode() == 200 && "UP".equals(MAPPER.readTree(response.body()).path("status").asText());
    }
}
