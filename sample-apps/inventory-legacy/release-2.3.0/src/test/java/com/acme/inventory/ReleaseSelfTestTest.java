package com.acme.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseSelfTestTest {

    @Test
    void release230PassesItsOwnSelfTest() throws Exception {
        Map<String, String> result = SelfTestOfARelease.run();
        assertThat(result.get("verdict")).as(result.toString()).isEqualTo("PASS");
        assertThat(result).containsKeys("health", "item-contract", "listing", "reserve", "jvm");
    }
}
