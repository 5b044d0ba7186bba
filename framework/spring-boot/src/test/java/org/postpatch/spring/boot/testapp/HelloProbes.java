package org.postpatch.spring.boot.testapp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.postpatch.api.Probe;
import org.postpatch.api.ProbeContext;

/** A Java probe that calls the application on the port the suite's {@code base} variable names. */
public class HelloProbes {

    @Probe(timeout = "5s")
    void helloAnswers(ProbeContext ctx) throws Exception {
        String base = ctx.variable("base").orElseThrow();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/hello"))
                .timeout(Duration.ofSeconds(4)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().equals("hello")) {
            throw new AssertionError("GET " + base + "/hello: expected 200 'hello' but was " + response.statusCode()
                    + " '" + response.body() + "'");
        }
    }
}
