package org.postpatch.probes.restassured;

import io.restassured.specification.RequestSpecification;
import org.postpatch.api.ProbeContext;

/**
 * The context of a Java probe that talks HTTP with REST Assured. Declare it as the parameter of a
 * {@code @Probe} method:
 * <pre>{@code
 * @Probe(needs = "health")
 * void createOrder(HttpProbeContext ctx) {
 *     ctx.http().body(order).post("/api/orders").then().statusCode(201);
 * }
 * }</pre>
 */
public interface HttpProbeContext extends ProbeContext {

    /**
     * A new request, ready to send: its base URI is the suite variable {@code base} (or, when that is
     * not defined, {@code baseUri}); its connect, socket and pool timeouts are the time left in the
     * attempt when each request is sent; its connections come from a pool shared by the whole run and
     * kept alive between requests; anything it logs ({@code log().all()}) goes through postpatch's
     * redaction. Each call starts a fresh specification.
     */
    RequestSpecification http();
}
