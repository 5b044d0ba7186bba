package org.postpatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void parsesWhatPeopleWrite() {
        assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(Durations.parse("5s")).contains(Duration.ofSeconds(5));
        assertThat(Durations.parse("1m30s")).contains(Duration.ofSeconds(90));
        assertThat(Durations.parse("1.5s")).contains(Duration.ofMillis(1500));
        assertThat(Durations.parse("14d")).contains(Duration.ofDays(14));
        assertThat(Durations.parse("5")).isEmpty();
        assertThat(Durations.parse("five seconds")).isEmpty();
        assertThat(Durations.parse("-1s")).isEmpty();
    }

    @Test
    void formatsForPeople() {
        assertThat(Durations.format(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(Durations.format(Duration.ofMillis(2100))).isEqualTo("2.1s");
        assertThat(Durations.format(Duration.ofSeconds(1))).isEqualTo("1s");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(Durations.format(Duration.ofHours(1))).isEqualTo("1h");
    }

    @Test
    void suggestsTheClosestKey() {
        assertThat(Suggestions.closest("timout", java.util.List.of("timeout", "retry"))).contains("timeout");
        assertThat(Suggestions.closest("tiemout", java.util.List.of("timeout", "retry"))).contains("timeout");
        assertThat(Suggestions.closest("banana", java.util.List.of("timeout", "retry"))).isEmpty();
    }
}
