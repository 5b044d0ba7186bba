package org.postpatch.probes.restassured;

import org.postpatch.api.ProbeContext;
import org.postpatch.spi.ContextProvider;

/**
 * Supplies {@link HttpProbeContext} to {@code @Probe} methods. Creating it costs nothing: REST Assured
 * (and its Groovy runtime, about two seconds to warm up) is touched only when a probe first calls
 * {@link HttpProbeContext#http()}.
 */
public final class HttpProbeContextProvider implements ContextProvider {

    @Override
    public Class<?> type() {
        return HttpProbeContext.class;
    }

    @Override
    public Object provide(ProbeContext context) {
        return new RestAssuredProbeContext(context);
    }
}
