package org.postpatch.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a method as a probe written in Java. It is scheduled, retried, timed out and reported exactly
 * like a probe from a file. The method may take a {@link ProbeContext} (or a richer context that a
 * probe module provides) and return {@code void} (passes unless it throws) or an {@link Outcome}.
 *
 * <pre>{@code
 * @Probe(needs = "health", timeout = "5s")
 * void createOrder(HttpProbeContext ctx) {
 *     ctx.http().body(order).post("/api/orders").then().statusCode(201);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@API(status = STABLE, since = "0.1")
public @interface Probe {

    /** The probe id; the method name when empty. */
    String id() default "";

    /** Ids of probes that must pass before this one runs. */
    String[] needs() default {};

    /** Whether a failure fails the run or only warns. */
    Severity severity() default Severity.CRITICAL;

    /** How long one attempt may take, like {@code 5s}; the suite default when empty. */
    String timeout() default "";

    /** Poll until passing; no retry by default (unless the suite's defaults say so). */
    Retry retry() default @Retry;

    /** Tags for selecting probes with {@code --tags}. */
    String[] tags() default {};
}
