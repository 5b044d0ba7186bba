package org.postpatch.probes.ui;

import java.util.Map;
import java.util.Optional;
import org.postpatch.probes.ui.spec.UiDeclaration;
import org.postpatch.spi.Binding;
import org.postpatch.spi.ProbeKind;
import org.postpatch.spi.Shape;
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
    public Optional<Shape> declaration() {
        return Optional.of(UiDeclaration.BLOCK);
    }

    @Override
    public Binding bind(Spec spec) {
        return reader.read(spec).<Binding>map(walk -> Binding.of(new UiCheck(walk))).orElseGet(Binding::invalid);
    }
}
