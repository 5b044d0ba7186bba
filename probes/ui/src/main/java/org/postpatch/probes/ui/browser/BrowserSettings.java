package org.postpatch.probes.ui.browser;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.postpatch.config.Suggestions;

/**
 * Which browser a probe uses and where it comes from. Probes with equal settings share one browser
 * in a run. Read from a probe's {@code ui} block or, for Java probes, from suite variables.
 */
public sealed interface BrowserSettings {

    /** The chromedriver used when neither {@code driver} nor {@value #DRIVER_VARIABLE} says otherwise. */
    Path DEFAULT_DRIVER = Path.of("/usr/bin/chromedriver");
    /** The Chromium used when neither {@code binary} nor {@value #BINARY_VARIABLE} says otherwise. */
    Path DEFAULT_BINARY = Path.of("/usr/bin/chromium");
    /** Environment variable naming the chromedriver executable. */
    String DRIVER_VARIABLE = "POSTPATCH_CHROMEDRIVER";
    /** Environment variable naming the Chromium executable. */
    String BINARY_VARIABLE = "POSTPATCH_CHROMIUM";

    /** The browser names a probe file accepts. */
    List<String> NAMES = List.of("htmlunit", "chrome", "remote");

    /** How messages name this browser: {@code htmlunit}, {@code chrome}, {@code remote http://grid:4444}. */
    String describe();

    /** HtmlUnit, in this JVM: nothing to install. */
    record HtmlUnit() implements BrowserSettings {
        @Override
        public String describe() {
            return "htmlunit";
        }
    }

    /** Headless Chromium on this machine, driven by a chromedriver on this machine. */
    record Chrome(Path driver, Path binary) implements BrowserSettings {
        public Chrome {
            Objects.requireNonNull(driver, "driver");
            Objects.requireNonNull(binary, "binary");
        }

        @Override
        public String describe() {
            return "chrome";
        }
    }

    /** A Chrome session on a Selenium Grid (or any WebDriver server) at this URL. */
    record Remote(URI grid) implements BrowserSettings {
        public Remote {
            Objects.requireNonNull(grid, "grid");
        }

        @Override
        public String describe() {
            return "remote " + grid;
        }
    }

    /** A problem with one setting, named by its key. */
    record Problem(String key, String message) {
    }

    /** The settings, or the problems that prevent them. */
    record Parsed(Optional<BrowserSettings> settings, List<Problem> problems) {
        public Parsed {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Settings from the values of the keys {@code browser}, {@code remote}, {@code driver} and
     * {@code binary} (each empty when not given). Without {@code browser}, {@code remote} implies a
     * remote browser and anything else means HtmlUnit. For Chrome, a missing {@code driver} or
     * {@code binary} comes from the environment, then from the Debian paths.
     */
    static Parsed parse(Optional<String> browser, Optional<String> remote, Optional<String> driver,
                        Optional<String> binary, Map<String, String> environment) {
        List<Problem> problems = new ArrayList<>();
        String name = browser.map(b -> b.trim().toLowerCase(Locale.ROOT))
                .orElse(remote.isPresent() ? "remote" : "htmlunit");
        if (!NAMES.contains(name)) {
            problems.add(new Problem("browser", "expected one of " + String.join(", ", NAMES) + ", found '"
                    + browser.orElse("") + "'" + Suggestions.didYouMean(name, NAMES)));
            return new Parsed(Optional.empty(), problems);
        }
        if (!name.equals("chrome")) {
            driver.ifPresent(d -> problems.add(new Problem("driver", "applies only to browser: chrome")));
            binary.ifPresent(b -> problems.add(new Problem("binary", "applies only to browser: chrome")));
        }
        if (!name.equals("remote") && remote.isPresent()) {
            problems.add(new Problem("remote", "applies only to browser: remote"));
        }
        BrowserSettings settings = switch (name) {
            case "chrome" -> new Chrome(
                    path(driver, environment.get(DRIVER_VARIABLE), DEFAULT_DRIVER, "driver", problems),
                    path(binary, environment.get(BINARY_VARIABLE), DEFAULT_BINARY, "binary", problems));
            case "remote" -> {
                if (remote.isEmpty()) {
                    problems.add(new Problem("remote", "browser: remote needs the grid's URL, like remote: http://grid:4444"));
                    yield null;
                }
                yield gridUrl(remote.get(), problems);
            }
            default -> new HtmlUnit();
        };
        return new Parsed(problems.isEmpty() ? Optional.ofNullable(settings) : Optional.empty(), problems);
    }

    private static Path path(Optional<String> given, String fromEnvironment, Path fallback, String key,
                             List<Problem> problems) {
        String text = given.orElse(fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment);
        if (text == null) {
            return fallback;
        }
        if (text.isBlank()) {
            problems.add(new Problem(key, "the path is empty"));
            return fallback;
        }
        return Path.of(text.trim()).toAbsolutePath();
    }

    private static BrowserSettings gridUrl(String text, List<Problem> problems) {
        try {
            URI uri = new URI(text.trim());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return new Remote(uri);
            }
        } catch (URISyntaxException notAUri) {
            // reported below
        }
        problems.add(new Problem("remote", "expected the grid's http(s) URL, like http://grid:4444, found '" + text + "'"));
        return null;
    }
}
