package org.postpatch.probes.ui.walk;

import org.postpatch.api.Outcome;
import org.postpatch.api.ProbeContext;
import org.postpatch.spi.Check;
import org.postpatch.probes.ui.browser.BrowserUnavailableException;
import org.postpatch.probes.ui.browser.Browsers;
import org.postpatch.probes.ui.browser.Lease;
import org.postpatch.probes.ui.spec.UiSpec;

/**
 * One attempt of a {@code ui} probe: takes the run's browser of the probe's kind (starting it if this
 * is the first probe to need it), walks the steps, and gives the browser back cleared for the next.
 */
public final class UiCheck implements Check {

    private final UiSpec spec;

    public UiCheck(UiSpec spec) {
        this.spec = spec;
    }

    @Override
    public Outcome run(ProbeContext context) throws InterruptedException {
        Budget budget = new Budget(context);
        long asked = System.nanoTime();
        Lease lease;
        try {
            lease = Browsers.of(context).lease(spec.browser(), budget.left(), context);
        } catch (BrowserUnavailableException unavailable) {
            return Outcome.failed(unavailable.getMessage());
        }
        // Time spent starting the browser or waiting for its turn, which counts toward the probe's timeout.
        long browserWaitMs = (System.nanoTime() - asked) / 1_000_000;
        try {
            return new Walk(lease.session(), spec, context, budget).run().withDetail("browserWaitMs", browserWaitMs);
        } finally {
            lease.release();
        }
    }
}
