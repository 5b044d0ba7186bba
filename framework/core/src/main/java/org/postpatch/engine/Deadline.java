package org.postpatch.engine;

import java.time.Duration;

/** The run's deadline, if it has one: what every attempt's time budget is capped by. */
record Deadline(long nanos) {
    static final Deadline NONE = new Deadline(Long.MAX_VALUE);

    static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    boolean passed() {
        return nanos != Long.MAX_VALUE && System.nanoTime() - nanos >= 0;
    }

    Duration remaining() {
        if (nanos == Long.MAX_VALUE) {
            return Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L);
        }
        long left = nanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** The smaller of {@code wanted} and the time left. */
    Duration cap(Duration wanted) {
        Duration left = remaining();
        return wanted.compareTo(left) <= 0 ? wanted : left;
    }
}
