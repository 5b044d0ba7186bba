package org.postpatch.probes.ui;

import java.util.Map;
import org.postpatch.spi.Check;
import org.postpatch.spi.ProbeKind;
import org.postpatch.spi.Spec;
import org.postpatch.probes.ui.spec.UiSpecReader;
import org.postpatch.probes.ui.walk.UiCheck;

/**
 * The {@code ui} kind: opens a page in a browser and walks a short path through it the way a user
 * would, checking what the pages show.
 * <pre>{@code
 * - id: login-page
 *   ui:
 *     browser: chrome
 *     open: ${base}/login
 *     steps:
 *       - type: { "#user": demo, "#password": "${secret:DEMO_PASSWORD}" }
 *       - click: "button[type=submit]"
 *       - wait: { see: Welcome, within: 5s }
 * }</pre>
 */
public final class UiProbeKind implements ProbeKind {

    private final UiSpecReader reader;

    /** The kind as found by ServiceLoader: Chrome's paths may come from the process's environment. */
    public UiProbeKind() {
        this(System.getenv());
    }

    UiProbeKind(Map<String, String> environment) {
        this.reader = new UiSpecReader(environment);
    }

    @Override
    public String name() {
        return "ui";
    }

    @Override
    public Check bind(Spec spec) {
        return reader.read(spec).<Check>map(UiCheck::new).orElse(null);
    }
}
