package org.postpatch.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postpatch.spring.boot.testapp.HelloApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A failing self-test with {@code postpatch.readiness.follows-verdict=true}, in an application that
 * put every contributor in its liveness group ({@code include=*}): readiness goes DOWN, liveness never.
 */
@SpringBootTest(classes = HelloApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "postpatch.probes=classpath:selftest/failing.yaml",
        "postpatch.readiness.follows-verdict=true",
        "management.endpoint.health.group.liveness.include=*",
        "management.endpoint.health.group.liveness.show-details=always"})
class ReadinessFollowsVerdictTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationSelfTest selfTest;

    @BeforeEach
    void awaitTheFirstRun() {
        await("the first self-test run").atMost(Duration.ofSeconds(60)).until(() -> selfTest.lastRun().isPresent());
    }

    @Test
    void readinessIsDownWithTheSelfTestAsTheReason() {
        Http.Response readiness = Http.get("http://localhost:" + port + "/actuator/health/readiness");

        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.json().path("status").asText()).isEqualTo("DOWN");
        assertThat(readiness.json().path("components").path("selfTest").path("status").asText()).isEqualTo("DOWN");
        assertThat(readiness.json().path("components").path("readinessState").path("status").asText()).isEqualTo("UP");
        assertThat(Http.get("http://localhost:" + selfTest.port().orElseThrow() + "/selftest/ready").status()).isEqualTo(503);
    }

    @Test
    void livenessStaysUpEvenWhenItIncludesEveryContributor() {
        Http.Response liveness = Http.get("http://localhost:" + port + "/actuator/health/liveness");

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().path("components").has("livenessState")).isTrue();
        assertThat(liveness.json().path("components").has("diskSpace")).isTrue();
        assertThat(liveness.json().path("components").has("selfTest")).isFalse();
        assertThat(Http.get("http://localhost:" + selfTest.port().orElseThrow() + "/selftest/live").status()).isEqualTo(200);
    }
}
