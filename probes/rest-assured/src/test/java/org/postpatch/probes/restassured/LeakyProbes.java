package org.postpatch.probes.restassured;

import static org.hamcrest.Matchers.equalTo;

import org.postpatch.api.Probe;

/**
 * Probes that do everything that could leak a secret: send it in headers, log whole requests and
 * responses (the server echoes the key and sets a cookie), and fail with the echoed key in the
 * assertion message.
 */
public class LeakyProbes {

    static final String BEARER_TOKEN = "Bearer-Canary-93c0";

    @Probe
    void logsAndPasses(HttpProbeContext ctx) {
        ctx.http().header("X-Api-Key", ctx.variable("apiKey").orElseThrow())
                .header("Authorization", "Bearer " + BEARER_TOKEN)
                .log().all()
                .get("/broken")
                .then().log().all().statusCode(500);
    }

    @Probe
    void logsAndFails(HttpProbeContext ctx) {
        ctx.http().header("X-Api-Key", ctx.variable("apiKey").orElseThrow())
                .header("Authorization", "Bearer " + BEARER_TOKEN)
                .header("Cookie", "session=" + OrderServer.SESSION_COOKIE)
                .log().all()
                .get("/broken")
                .then().log().ifValidationFails().body("apiKey", equalTo("something else"));
    }
}
