package org.postpatch.probes.ui;

import org.postpatch.api.Outcome;
import org.postpatch.api.ProbeContext;
import org.postpatch.spi.ContextProvider;

/**
 * Supplies {@link UiProbeContext} to {@code @Probe} methods. Creating it costs nothing: the browser is
 * taken only when the probe first calls {@link UiProbeContext#browser()}, and given back when the
 * method returns.
 */
public final class UiProbeContextProvider implements ContextProvider {

    @Override
    public Class<?> type() {
        return UiProbeContext.class;
    }

    @Override
    public Object provide(ProbeContext context) {
        return new LeasedBrowserContext(context, System.getenv());
    }

    @Override
    public Outcome finish(Object provided, Outcome outcome) {
        return ((LeasedBrowserContext) provided).finish(outcome);
    }
}
