package org.postpatch.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Runs probe files under JUnit (an IDE, Maven Surefire): put it on an otherwise empty class and the
 * postpatch engine turns the files into a test container with one test per probe. The class's own
 * {@link Probe} methods join the suite.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@API(status = STABLE, since = "0.1")
public @interface ProbeSuite {

    /** Probe files or folders: {@code classpath:postpatch/} or file system paths. */
    String[] value() default {"classpath:postpatch/"};

    /** Variables overriding the suites' own, as {@code NAME=VALUE}. */
    String[] vars() default {};
}
