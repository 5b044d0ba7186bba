package org.postpatch.probes.junit.sample.nested;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckoutTest {

    @ParameterizedTest(name = "{0} items")
    @ValueSource(ints = 3)
    void totals(int items) {
        assertThat(items).isPositive();
    }

    @Nested
    class WithACoupon {

        @Test
        void discounts() {
            assertThat(90).isLessThan(100);
        }
    }
}
