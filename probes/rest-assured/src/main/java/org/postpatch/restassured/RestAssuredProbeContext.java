package org.postpatch.restassured;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.LogConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.postpatch.api.ProbeContext;

/** The {@link HttpProbeContext} of one attempt: the attempt's own context, plus ready requests. */
final class RestAssuredProbeContext implements HttpProbeContext {

    private static final ReadWholeResponse READ_WHOLE_RESPONSE = new ReadWholeResponse();

    private final ProbeContext attempt;

    RestAssuredProbeContext(ProbeContext attempt) {
        this.attempt = attempt;
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

    @Override
    public String probeId() {
        return attempt.probeId();
    }

    @Override
    public String suite() {
        return attempt.suite();
    }

    @Override
    public String target() {
        return attempt.target();
    }

    @Override
    public int attempt() {
        return attempt.attempt();
    }

    @Override
    public Duration timeout() {
        return attempt.timeout();
    }

    @Override
    public Duration remaining() {
        return attempt.remaining();
    }

    @Override
    public Optional<String> variable(String name) {
        return attempt.variable(name);
    }

    @Override
    public String resolve(String template) {
        return attempt.resolve(template);
    }

    @Override
    public void onCancel(Runnable action) {
        attempt.onCancel(action);
    }

    @Override
    public <T extends AutoCloseable> T shared(Class<T> key, Supplier<? extends T> factory) {
        return attempt.shared(key, factory);
    }

    @Override
    public Path attachments() {
        return attempt.attachments();
    }

    @Override
    public void secret(String value) {
        attempt.secret(value);
    }

    @Override
    public String redact(String text) {
        return attempt.redact(text);
    }
}
