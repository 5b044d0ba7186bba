package org.postpatch.probes.ui.spec;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.postpatch.spi.Spec;
import org.postpatch.probes.ui.browser.BrowserSettings;

/**
 * Reads a {@code ui} block into a {@link UiSpec}, reporting every problem at its line and column:
 * the browser and its settings, {@code open}, {@code within} and each step.
 */
public final class UiSpecReader {

    private static final Set<String> URL_SCHEMES = Set.of("http", "https", "file");

    private final Map<String, String> environment;

    /** A reader that takes Chrome's paths from these environment variables when a probe does not give them. */
    public UiSpecReader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The probe's spec, or empty when a problem was reported. */
    public Optional<UiSpec> read(Spec spec) {
        if (!spec.isMap()) {
            spec.problem("expected a map with 'open' and 'steps', found " + spec.describeType());
            return Optional.empty();
        }
        BrowserSettings.Parsed browser = BrowserSettings.parse(spec.optionalString("browser"),
                spec.optionalString("remote"), spec.optionalString("driver"), spec.optionalString("binary"), environment);
        browser.problems().forEach(problem -> spec.problem(problem.key(), problem.message()));
        String open = spec.string("open");
        if (!open.isBlank()) {
            checkAbsoluteUrl(spec, "open", open);
        }
        Duration within = positiveDuration(spec, "within").orElse(UiSpec.DEFAULT_WITHIN);
        List<Step> steps = new ArrayList<>();
        spec.child("steps").ifPresent(list -> {
            if (!list.isList()) {
                list.problem("expected a list of steps, like [ { click: \"#submit\" }, { see: Welcome } ], found "
                        + list.describeType());
                return;
            }
            StepReader reader = new StepReader();
            for (Spec item : list.items()) {
                reader.read(item).ifPresent(steps::add);
            }
        });
        if (spec.hasProblems() || browser.settings().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new UiSpec(browser.settings().get(), open.trim(), within, steps));
    }

    /** A duration greater than zero at {@code key}, if given. */
    static Optional<Duration> positiveDuration(Spec spec, String key) {
        Optional<Duration> duration = spec.optionalDuration(key);
        boolean deferred = spec.isDeferred(key);
        if (duration.isPresent() && duration.get().isZero() && !deferred) {
            spec.problem(key, "must be greater than 0");
            return Optional.empty();
        }
        return duration;
    }

    private static void checkAbsoluteUrl(Spec spec, String key, String text) {
        if (spec.isDeferred(key)) {
            return;
        }
        try {
            URI uri = new URI(text.trim());
            if (uri.getScheme() != null && URL_SCHEMES.contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))) {
                return;
            }
        } catch (URISyntaxException notAUri) {
            // reported below
        }
        spec.problem(key, "expected an http, https or file URL, like http://localhost:8080/login, found '" + text + "'");
    }
}
