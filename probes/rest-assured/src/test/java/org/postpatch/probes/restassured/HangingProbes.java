package org.postpatch.probes.restassured;

import org.postpatch.api.Probe;

/** A request to a server that never answers, beside a normal one on the same run's pool. */
public class HangingProbes {

    @Probe(timeout = "1s")
    void waitsForever(HttpProbeContext ctx) {
        ctx.http().get(ctx.variable("silent").orElseThrow() + "/orders").then().statusCode(200);
    }

    @Probe
    void stillAnswered(HttpProbeContext ctx) {
        ctx.http().get("/health").then().statusCode(200);
    }
}
