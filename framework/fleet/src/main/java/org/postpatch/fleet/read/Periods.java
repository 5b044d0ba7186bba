package org.postpatch.fleet.read;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.postpatch.config.Durations;

/**
 * Periods as operators write them, on the command line ({@code --since 7d --until 2026-12-01}) and
 * in the dashboard's address ({@code ?since=30d}): {@code since} is a duration back from
 * {@code until}, a date (midnight, local time) or an instant; {@code until} is a date or an instant,
 * now by default.
 */
public final class Periods {

    /** The default length: a week. */
    public static final Duration DEFAULT_LENGTH = Duration.ofDays(7);

    /** What a valid value looks like, for messages. */
    public static final String EXPECTED = "a duration back from now like 7d or 36h, a date like 2026-11-01, "
            + "or an instant like 2026-11-01T06:00:00Z";

    private Periods() {
    }

    /**
     * The period these values name.
     *
     * @param since null for the default length
     * @param until null for now
     * @throws IllegalArgumentException naming the value that is wrong and what was expected
     */
    public static Period parse(String since, String until, Instant now) {
        Instant end = until == null || until.isBlank() ? now : instant(until)
                .orElseThrow(() -> new IllegalArgumentException("until '" + until + "' is not a date or an instant"
                        + " (like 2026-12-01 or 2026-12-01T06:00:00Z)"));
        Instant start;
        if (since == null || since.isBlank()) {
            start = end.minus(DEFAULT_LENGTH);
        } else {
            Optional<Duration> back = Durations.parse(since);
            if (back.isPresent() && !back.get().isZero()) {
                start = end.minus(back.get());
            } else {
                start = instant(since).orElseThrow(() ->
                        new IllegalArgumentException("since '" + since + "' is not " + EXPECTED));
            }
        }
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("since (" + start + ") must be before until (" + end + ")");
        }
        return new Period(start, end);
    }

    private static Optional<Instant> instant(String text) {
        String value = text.strip();
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException notAnInstant) {
            try {
                return Optional.of(LocalDate.parse(value).atStartOfDay(ZoneId.systemDefault()).toInstant());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
