package org.postpatch.methods;

import org.postpatch.api.Outcome;
import org.postpatch.api.Probe;
import org.postpatch.api.ProbeContext;
import org.postpatch.api.ProbeSuite;
import org.postpatch.api.Retry;
import org.postpatch.api.Severity;

/** Java probes used by the engine tests; they join the probes of {@code classpath:postpatch-test/}. */
@ProbeSuite(value = "classpath:postpatch-test/", vars = "who=tests")
public class SampleProbes {

    static final java.util.concurrent.atomic.AtomicInteger WARM_UP = new java.util.concurrent.atomic.AtomicInteger();

    @Probe(needs = "ok", tags = "smoke")
    void greets(ProbeContext context) {
        if (!context.variable("who").orElse("").equals("tests")) {
            throw new AssertionError("expected who=tests but was " + context.variable("who"));
        }
    }

    @Probe(id = "create-order")
    Outcome createOrder() {
        return Outcome.failed("expected status 201 but was 500");
    }

    @Probe(needs = "create-order")
    void listOrders() {
        throw new IllegalStateException("must never run");
    }

    @Probe(severity = Severity.WARNING, timeout = "200ms")
    void slowLane() throws InterruptedException {
        Thread.sleep(5_000);
    }

    @Probe(retry = @Retry(until = "5s", every = "10ms"))
    void warmsUp() {
        if (WARM_UP.incrementAndGet() < 3) {
            throw new AssertionError("not warm yet");
        }
    }
}
