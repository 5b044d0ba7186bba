package org.postpatch.config;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Durations as people write them in probe files and on the command line: {@code 500ms}, {@code 5s},
 * {@code 2m}, {@code 1h}, {@code 14d}, or combined like {@code 1m30s}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Durations {

    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h|d))+");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

    /** What a valid duration looks like, for error messages. */
    public static final String EXPECTED = "a duration like 500ms, 5s, 2m, 1h or 1m30s";

    private Durations() {
    }

    /** Parses a duration, or returns empty when the text is not one. */
    public static Optional<Duration> parse(String text) {
        String trimmed = text.trim();
        if (!WHOLE.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        Matcher part = PART.matcher(trimmed);
        double millis = 0;
        while (part.find()) {
            double amount = Double.parseDouble(part.group(1));
            millis += amount * switch (part.group(2)) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m" -> 60_000;
                case "h" -> 3_600_000;
                default -> 86_400_000;
            };
        }
        return Optional.of(Duration.ofMillis(Math.round(millis)));
    }

    /** Parses a duration or throws {@link IllegalArgumentException} naming what was expected. */
    public static Duration parseOrThrow(String text) {
        return parse(text).orElseThrow(() ->
                new IllegalArgumentException("'" + text + "' is not " + EXPECTED));
    }

    /** Formats a duration for people: {@code 250ms}, {@code 2.1s}, {@code 5s}, {@code 1m30s}, {@code 1h}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1_000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return millis % 1_000 == 0 ? millis / 1_000 + "s" : String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long seconds = millis / 1_000;
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        return seconds / 60 + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
    }
}
