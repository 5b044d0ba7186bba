package org.postpatch.probes.junit.sample.passing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("postpatch")
@TestMethodOrder(MethodOrderer.MethodName.class)
class HealthSmokeTest {

    @Test
    void answersHealth() {
        assertThat("UP").isEqualTo("UP");
    }

    @Test
    void listsOrders() {
        assertThat(java.util.List.of("A-1", "A-2")).hasSize(2);
    }
}
