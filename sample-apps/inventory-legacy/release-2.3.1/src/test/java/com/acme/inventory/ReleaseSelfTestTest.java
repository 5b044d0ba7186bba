package com.acme.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseSelfTestTest {

    @Test
    void release231BreaksTheItemContractAndReservations() throws Exception {
        Map<String, String> result = SelfTestOfARelease.run();
        assertThat(result.get("verdict")).isEqualTo("FAIL");
        assertThat(result.get("health")).startsWith("PASSED");
        assertThat(result.get("item-contract")).startsWith("FAILED").contains("$.quantity");
        assertThat(result.get("reserve")).startsWith("FAILED").contains("$.reserved");
    }
}
