package org.postpatch.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postpatch.spring.boot.testapp.HelloApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A real application whose self-test fails, with the default settings: readiness does not follow the verdict. */
@SpringBootTest(classes = HelloApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "postpatch.probes=classpath:selftest/failing.yaml")
class FailingSelfTestTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationSelfTest selfTest;

    @BeforeEach
    void awaitTheFirstRun() {
        await("the first self-test run").atMost(Duration.ofSeconds(60)).until(() -> selfTest.lastRun().isPresent());
    }

    @Test
    void failedSelfTestIsDownInOverallHealthAndNamesTheProbe() {
        Http.Response health = Http.get("http://localhost:" + port + "/actuator/health");

        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().path("status").asText()).isEqualTo("DOWN");
        JsonNode selfTestHealth = health.json().path("components").path("selfTest");
        assertThat(selfTestHealth.path("status").asText()).isEqualTo("DOWN");
        assertThat(selfTestHealth.path("details").path("verdict").asText()).isEqualTo("FAIL");
        assertThat(selfTestHealth.path("details").path("notPassed").toString()).contains("jvm-before-9 (FAILED)")
                .doesNotContain("\"jvm (");
    }

    @Test
    void livenessStaysUp() {
        Http.Response liveness = Http.get("http://localhost:" + port + "/actuator/health/liveness");

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void readinessStaysUpUnlessConfiguredToFollowTheVerdict() {
        Http.Response readiness = Http.get("http://localhost:" + port + "/actuator/health/readiness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("components").has("selfTest")).isFalse();
        assertThat(Http.get("http://localhost:" + selfTest.port().orElseThrow() + "/selftest/ready").status()).isEqualTo(200);
    }

    @Test
    void selfTestEndpointAnswers503() {
        assertThat(Http.get("http://localhost:" + selfTest.port().orElseThrow() + "/selftest").status()).isEqualTo(503);
    }
}
