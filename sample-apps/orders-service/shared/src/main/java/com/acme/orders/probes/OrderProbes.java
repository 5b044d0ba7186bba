package com.acme.orders.probes;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import org.postpatch.api.Probe;
import org.postpatch.probes.restassured.HttpProbeContext;

/**
 * Probes written in Java with REST Assured. {@code ctx.http()} is a request already pointed at the
 * suite's {@code base} URL, with the probe's timeout and pooled connections. The timeouts allow for
 * the first request of a freshly started JVM, which loads REST Assured (and Groovy) in seconds.
 */
public class OrderProbes {

    /** A new order shows up in the list of latest orders, with its sku. */
    @Probe(id = "new-order-is-listed", needs = "health", timeout = "20s")
    void newOrderIsListed(HttpProbeContext ctx) {
        String id = ctx.http().contentType(ContentType.JSON).body("{\"sku\": \"POSTPATCH-LIST\", \"qty\": 3}")
                .post("/api/orders")
                .then().statusCode(201).extract().path("id");

        ctx.http().get("/api/orders")
                .then().statusCode(200)
                .body("id", hasItem(id))
                .body("find { it.id == '" + id + "' }.sku", equalTo("POSTPATCH-LIST"));
    }

    /** Invalid input is refused with a problem detail, not stored and not a server error. */
    @Probe(id = "invalid-order-is-refused", needs = "health", timeout = "20s")
    void invalidOrderIsRefused(HttpProbeContext ctx) {
        ctx.http().contentType(ContentType.JSON).body("{\"sku\": \"\", \"qty\": 0}")
                .post("/api/orders")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }
}
