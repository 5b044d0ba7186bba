package org.postpatch.probes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.testkit.ProbeTestKit;
import org.postpatch.testkit.RenderedRun;

/** What Chromium reports as console errors, beyond the page's own script errors (see {@link PagesContract}). */
class ChromeConsoleTest {

    @TempDir
    Path folder;

    @Test
    void missingFaviconIsNotAnErrorOfThePage() {
        SeleniumManagerTripwire.arm();
        try (TestSite site = new TestSite()) {
            // A new Chromium asks the first site it opens for /favicon.ico, which the test site does not have;
            // the probe waits a second, long enough for that request to fail and be logged.
            RenderedRun run = ProbeTestKit.in(folder).render("""
                    suite: console
                    defaults: { timeout: 60s }
                    probes:
                      - id: no-icon
                        ui:
                          browser: chrome
                          open: "%s/delayed"
                          steps: [ { wait: { element: "#late" } }, { noConsoleErrors: true } ]
                    """.formatted(site.base()));

            assertThat(run.probe("no-icon").status()).as(run.probe("no-icon").message()).isEqualTo(ProbeStatus.PASSED);
        }
    }
}
