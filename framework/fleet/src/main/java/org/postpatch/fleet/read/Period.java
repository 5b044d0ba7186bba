package org.postpatch.fleet.read;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The period the fleet view looks at: runs started at or after {@code since} and before
 * {@code until}. Instants are kept to the millisecond, as the ledger stores them.
 */
public record Period(Instant since, Instant until) {

    public Period {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        since = Instant.ofEpochMilli(since.toEpochMilli());
        until = Instant.ofEpochMilli(until.toEpochMilli());
        if (!since.isBefore(until)) {
            throw new IllegalArgumentException("the period must start (" + since + ") before it ends (" + until + ")");
        }
    }

    /** The period of this length that ends at {@code until}. */
    public static Period last(Duration length, Instant until) {
        return new Period(until.minus(length), until);
    }

    public Duration length() {
        return Duration.between(since, until);
    }

    /** The part of [from, to) inside this period; zero when they do not overlap. */
    public Duration overlap(Instant from, Instant to) {
        Instant start = from.isAfter(since) ? from : since;
        Instant end = to.isBefore(until) ? to : until;
        return end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
    }
}
