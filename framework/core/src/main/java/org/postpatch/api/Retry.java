package org.postpatch.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/** Polls a Java probe until it passes or {@link #until()} expires, e.g. while a service warms up. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
@API(status = STABLE, since = "0.1")
public @interface Retry {

    /** How long to keep trying, like {@code 60s}; empty means no retry. */
    String until() default "";

    /** The pause between attempts, like {@code 500ms}. */
    String every() default "1s";
}
