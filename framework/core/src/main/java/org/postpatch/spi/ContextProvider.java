package org.postpatch.spi;

import org.postpatch.api.ProbeContext;

/**
 * Supplies a richer context type to Java probe methods, such as one with a ready REST Assured
 * request or a WebDriver. A {@code @Probe} method parameter of type {@link #type()} receives
 * {@link #provide(ProbeContext)}. Found with {@link java.util.ServiceLoader}.
 */
public interface ContextProvider {

    /** The parameter type this provider supplies. */
    Class<?> type();

    /** Builds the value for one attempt of one probe. */
    Object provide(ProbeContext context) throws Exception;
}
