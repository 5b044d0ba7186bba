package org.postpatch.probes.junit.sample.broken;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BrokenSetupTest {

    @BeforeAll
    static void connect() {
        throw new IllegalStateException("database not reachable");
    }

    @Test
    void neverRuns() {
        assertThat(true).isTrue();
    }
}
