package org.postpatch.probes.restassured;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.LogConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.util.Optional;
import org.postpatch.api.ForwardingProbeContext;
import org.postpatch.api.ProbeContext;

/** The {@link HttpProbeContext} of one attempt: the attempt's own context, plus ready requests. */
final class RestAssuredProbeContext extends ForwardingProbeContext implements HttpProbeContext {

    private static final ReadWholeResponse READ_WHOLE_RESPONSE = new ReadWholeResponse();

    private final ProbeContext attempt;

    RestAssuredProbeContext(ProbeContext attempt) {
        this.attempt = attempt;
    }

    @Override
    protected ProbeContext delegate() {
        return attempt;
    }

    @Override
    public RequestSpecification http() {
        PooledConnections connections = attempt.shared(PooledConnections.class, PooledConnections::new);
        RestAssuredConfig config = RestAssuredConfig.config()
                .httpClient(HttpClientConfig.httpClientConfig().httpClientFactory(() -> connections.clientFor(attempt)))
                // Not REST Assured's header blacklist: the redactor masks the values of Authorization,
                // Proxy-Authorization, Cookie and Set-Cookie itself, and every registered secret besides.
                .logConfig(LogConfig.logConfig().defaultStream(RedactingOutput.toStandardOutput(attempt::redact)));
        RequestSpecification request = RestAssured.given().config(config).filter(READ_WHOLE_RESPONSE);
        baseUri().ifPresent(request::baseUri);
        return request;
    }

    private Optional<String> baseUri() {
        return attempt.variable("base").or(() -> attempt.variable("baseUri")).filter(uri -> !uri.isBlank());
    }
}
