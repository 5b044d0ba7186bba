package org.postpatch.probes.http.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values that read the clock: a date-time within an hour of the moment the response was sampled
 * (ISO 8601 with or without an offset — without one, read as UTC or as this machine's time — or an
 * HTTP date), today's date (give or take a day, for time zones), or epoch seconds or milliseconds
 * within the hour. Two samples taken a moment apart can agree on such a value (a timestamp to the
 * second), but a later run will not: they are noise even when both samples show the same.
 */
final class ClockReadings {

    private static final Duration WINDOW = Duration.ofHours(1);

    private static final Pattern ISO = Pattern.compile(
            "(?<!\\d)(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?)\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?)?(?!\\d)");
    private static final Pattern HTTP_DATE = Pattern.compile(
            "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
    private static final Pattern EPOCH = Pattern.compile("\\d{10}|\\d{13}");

    private ClockReadings() {
    }

    /** True when the scalar {@code value} reads the clock as it was at {@code now}. */
    static boolean read(JsonNode value, Instant now) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return epoch(value.longValue(), now);
        }
        return value.isTextual() && read(value.textValue(), now);
    }

    /** True when {@code text} is, or contains, a reading of the clock as it was at {@code now}. */
    static boolean read(String text, Instant now) {
        if (text.length() < 10) {
            return false;
        }
        if (EPOCH.matcher(text).matches()) {
            return epoch(Long.parseLong(text), now);
        }
        // Most texts hold no date at all: only those with a date's separators are searched.
        Matcher iso = ISO.matcher(text.indexOf('-') >= 0 ? text : "");
        while (iso.find()) {
            if (iso(iso, now)) {
                return true;
            }
        }
        Matcher http = HTTP_DATE.matcher(text.contains(" GMT") ? text : "");
        while (http.find()) {
            try {
                if (near(ZonedDateTime.parse(http.group(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(), now)) {
                    return true;
                }
            } catch (DateTimeParseException notDate) {
                // not a date after all
            }
        }
        return false;
    }

    private static boolean iso(Matcher match, Instant now) {
        try {
            LocalDate date = LocalDate.parse(match.group(1));
            if (match.group(2) == null) {
                LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
                return Math.abs(ChronoUnit.DAYS.between(today, date)) <= 1;
            }
            LocalDateTime time = LocalDateTime.parse(match.group(1) + "T" + match.group(2).replace(',', '.'));
            String zone = match.group(3);
            if (zone != null) {
                String offset = zone.equals("Z") ? "Z" : zone.length() == 3 ? zone + ":00"
                        : zone.contains(":") ? zone : zone.substring(0, 3) + ":" + zone.substring(3);
                return near(OffsetDateTime.of(time, ZoneOffset.of(offset)).toInstant(), now);
            }
            return near(time.toInstant(ZoneOffset.UTC), now) || near(time.atZone(ZoneId.systemDefault()).toInstant(), now);
        } catch (java.time.DateTimeException notDate) {
            return false;
        }
    }

    private static boolean epoch(long value, Instant now) {
        return Math.abs(value - now.getEpochSecond()) <= WINDOW.toSeconds()
                || Math.abs(value - now.toEpochMilli()) <= WINDOW.toMillis();
    }

    private static boolean near(Instant instant, Instant now) {
        return Duration.between(instant, now).abs().compareTo(WINDOW) <= 0;
    }
}
