package org.postpatch.probes.restassured;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import org.postpatch.api.Probe;

/** Java probes of the orders API, as an application team would write them. */
public class OrderProbes {

    @Probe
    void health(HttpProbeContext ctx) {
        ctx.http().get("/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Probe(needs = "health")
    void createOrder(HttpProbeContext ctx) {
        ctx.http().contentType(ContentType.JSON).body("{\"sku\":\"A-1\",\"qty\":1}")
                .post("/api/orders").then().statusCode(201);
    }

    @Probe(needs = "health")
    void reportsBroken(HttpProbeContext ctx) {
        ctx.http().get("/broken").then().statusCode(200);
    }
}
