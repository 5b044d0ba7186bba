package org.postpatch.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** How {@code postpatch.*} properties bind, as written in application.properties. */
class PostPatchPropertiesTest {

    @Test
    void defaultsServeTheEndpointOnPort9091AndReadProbesFromTheClasspath() {
        PostPatchProperties properties = bind(Map.of());

        assertThat(properties.enabled()).isTrue();
        assertThat(properties.probes()).containsExactly("classpath:postpatch/");
        assertThat(properties.port()).isEqualTo("9091");
        assertThat(properties.readiness().followsVerdict()).isFalse();
        assertThat(properties.readiness().timeout()).isEqualTo("5m");
        assertThat(properties.variables()).isEmpty();
        assertThat(properties.secrets()).isEmpty();
    }

    @Test
    void variableAndSecretNamesKeepTheirCaseWithBrackets() {
        PostPatchProperties properties = bind(Map.of(
                "postpatch.variables.base", "http://localhost:8081",
                "postpatch.variables[dbUser]", "sa",
                "postpatch.secrets[ORDERS_DB_PASSWORD]", "s3cret"));

        assertThat(properties.variables()).containsOnly(Map.entry("base", "http://localhost:8081"), Map.entry("dbUser", "sa"));
        assertThat(properties.secrets()).containsOnly(Map.entry("ORDERS_DB_PASSWORD", "s3cret"));
    }

    private static PostPatchProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("postpatch", PostPatchProperties.class);
    }
}
