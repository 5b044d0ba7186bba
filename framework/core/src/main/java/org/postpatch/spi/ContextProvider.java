package org.postpatch.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.postpatch.api.Outcome;
import org.postpatch.api.ProbeContext;

/**
 * Supplies a richer context type to Java probe methods, such as one with a ready REST Assured
 * request or a WebDriver. A {@code @Probe} method parameter of type {@link #type()} receives
 * {@link #provide(ProbeContext)}. Found with {@link java.util.ServiceLoader}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ContextProvider {

    /** The parameter type this provider supplies. */
    Class<?> type();

    /** Builds the value for one attempt of one probe. */
    Object provide(ProbeContext context) throws Exception;

    /**
     * Called once the probe method has returned or thrown, with what {@link #provide} gave it and the
     * attempt's outcome (FAILED with the exception's reason when the method threw). Gives back what
     * {@code provide} took, such as a browser shared by the run, and returns the outcome to report,
     * for example with a screenshot attached. For an attempt abandoned at its timeout it is called
     * only if the method still returns, and its outcome is ignored: clean up in
     * {@link ProbeContext#onCancel} as well. The default returns the outcome unchanged.
     */
    default Outcome finish(Object provided, Outcome outcome) throws Exception {
        return outcome;
    }
}
