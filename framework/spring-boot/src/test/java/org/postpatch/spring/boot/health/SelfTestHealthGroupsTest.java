package org.postpatch.spring.boot.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Where the selfTest contributor lands in the health groups, given what the application configured. */
class SelfTestHealthGroupsTest {

    private static final String READINESS = "management.endpoint.health.group.readiness.include";
    private static final String LIVENESS_EXCLUDE = "management.endpoint.health.group.liveness.exclude";

    @Test
    void byDefaultTheGroupsAreLeftAsSpringBootMakesThem() {
        assertThat(added()).isEmpty();
    }

    @Test
    void followingTheVerdictAddsSelfTestToBootsReadinessMembers() {
        assertThat(added("postpatch.readiness.follows-verdict", "true")).containsExactly(Map.entry(READINESS, "readinessState,selfTest"));
    }

    @Test
    void followingTheVerdictKeepsTheApplicationsOwnReadinessMembers() {
        assertThat(added("postpatch.readiness.follows-verdict", "true", READINESS, "readinessState,db"))
                .containsEntry(READINESS, "readinessState,db,selfTest");
    }

    @Test
    void aLivenessGroupIncludingEverythingExcludesSelfTest() {
        assertThat(added("management.endpoint.health.group.liveness.include", "*"))
                .containsExactly(Map.entry(LIVENESS_EXCLUDE, "selfTest"));
        assertThat(added("management.endpoint.health.group.liveness.include", "*", LIVENESS_EXCLUDE, "diskSpace"))
                .containsExactly(Map.entry(LIVENESS_EXCLUDE, "diskSpace,selfTest"));
    }

    @Test
    void nothingIsAddedWhenThereIsNoSelfTestContributor() {
        assertThat(added("postpatch.readiness.follows-verdict", "true", "postpatch.enabled", "false")).isEmpty();
        assertThat(added("postpatch.readiness.follows-verdict", "true", "management.health.selftest.enabled", "false")).isEmpty();
        assertThat(added("postpatch.readiness.follows-verdict", "true", "management.health.defaults.enabled", "false")).isEmpty();
        assertThat(added("postpatch.readiness.follows-verdict", "true", "management.health.defaults.enabled", "false",
                "management.health.selftest.enabled", "true")).containsKey(READINESS);
    }

    private static Map<String, Object> added(String... keysAndValues) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        Binder binder = new Binder(new MapConfigurationPropertySource(properties));
        return SelfTestHealthGroups.groupProperties(binder, SelfTestHealthGroupsTest.class.getClassLoader());
    }
}
