package org.postpatch.fleet.render;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.postpatch.config.Durations;

/** Times and durations as the fleet's text and page show them: local time to the minute, short durations. */
final class Times {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private Times() {
    }

    static String minute(Instant instant) {
        return MINUTE.format(instant);
    }

    static String duration(Optional<Duration> duration) {
        return duration.map(Durations::format).orElse("-");
    }

    /** A period's length as it was probably asked for: "7d", "36h", "90m". */
    static String length(Duration length) {
        if (length.toMillis() % Duration.ofDays(1).toMillis() == 0) {
            return length.toDays() + "d";
        }
        if (length.toMillis() % Duration.ofHours(1).toMillis() == 0) {
            return length.toHours() + "h";
        }
        return Durations.format(length);
    }
}
