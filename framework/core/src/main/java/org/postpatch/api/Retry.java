package org.postpatch.api;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Polls a Java probe until it passes or {@link #until()} expires, e.g. while a service warms up. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Retry {

    /** How long to keep trying, like {@code 60s}; empty means no retry. */
    String until() default "";

    /** The pause between attempts, like {@code 500ms}. */
    String every() default "1s";
}
