package org.postpatch.probes.restassured;

import org.postpatch.api.Probe;

/** Probes that make many requests, checking only the status, so that connection reuse shows. */
public class BusyProbes {

    private static void tenHealthChecks(HttpProbeContext ctx) {
        for (int i = 0; i < 10; i++) {
            ctx.http().get("/health").then().statusCode(200);
        }
    }

    @Probe
    void first(HttpProbeContext ctx) {
        tenHealthChecks(ctx);
    }

    @Probe
    void second(HttpProbeContext ctx) {
        tenHealthChecks(ctx);
    }

    @Probe
    void third(HttpProbeContext ctx) {
        tenHealthChecks(ctx);
    }
}
