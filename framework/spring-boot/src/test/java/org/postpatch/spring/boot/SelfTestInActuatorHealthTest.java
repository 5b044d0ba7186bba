package org.postpatch.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postpatch.spring.boot.testapp.HelloApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A real application on a random port whose self-test passes. */
@SpringBootTest(classes = HelloApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "postpatch.probes=classpath:selftest/passing.yaml")
class SelfTestInActuatorHealthTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationSelfTest selfTest;

    @Autowired
    HelloApplication.ReadySince readySince;

    @BeforeEach
    void awaitTheFirstRun() {
        await("the first self-test run").atMost(Duration.ofSeconds(60)).until(() -> selfTest.lastRun().isPresent());
    }

    @Test
    void healthShowsTheSelfTestContributorWithItsVerdictRunAgeAndFingerprint() {
        Http.Response health = Http.get(actuator("/actuator/health"));

        assertThat(health.status()).isEqualTo(200);
        JsonNode selfTestHealth = health.json().path("components").path("selfTest");
        assertThat(selfTestHealth.path("status").asText()).isEqualTo("UP");
        JsonNode details = selfTestHealth.path("details");
        assertThat(details.path("verdict").asText()).isEqualTo("PASS");
        assertThat(details.path("runId").asText()).isEqualTo(selfTest.lastRun().orElseThrow().runId());
        assertThat(details.path("fingerprint").asText()).isNotBlank()
                .isEqualTo(selfTest.fingerprint().orElseThrow().digest());
        assertThat(details.path("ageSeconds").isNumber()).isTrue();
        assertThat(details.has("notPassed")).isFalse();
    }

    @Test
    void probesReachTheApplicationOnItsRealPortThroughASpringPlaceholder() {
        Http.Response latest = Http.get(endpoint("/selftest"), "test-token");

        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.json().path("probes").findValuesAsText("id")).containsExactlyInAnyOrder("jvm", "helloAnswers");
        assertThat(latest.json().path("probes").findValuesAsText("status")).containsOnly("PASSED");
    }

    @Test
    void selfTestEndpointIsServedOnItsOwnPortAndHidesDetailsWithoutTheToken() {
        assertThat(selfTest.port()).isPresent().get().isNotEqualTo(port);

        Http.Response anonymous = Http.get(endpoint("/selftest"));

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().path("status").asText()).isEqualTo("PASS");
        assertThat(anonymous.json().has("probes")).isFalse();
    }

    @Test
    void firstRunStartsOnlyOnceTheApplicationAcceptsTraffic() {
        Instant runStarted = Instant.parse(selfTest.lastRun().orElseThrow().report().path("startedAt").asText());

        assertThat(readySince.instant()).isNotNull();
        assertThat(runStarted).isAfterOrEqualTo(readySince.instant());
    }

    @Test
    void fingerprintCarriesTheVersionFromSpringBootBuildInfo() {
        assertThat(selfTest.fingerprint().orElseThrow().facts()).containsEntry("app.version", "7.7.7-test");
    }

    @Test
    void livenessAndReadinessStayUp() {
        assertThat(Http.get(actuator("/actuator/health/liveness")).status()).isEqualTo(200);
        assertThat(Http.get(actuator("/actuator/health/readiness")).status()).isEqualTo(200);
    }

    @Test
    void smokeTestsInsideTheApplicationFindItsBeansAndItsUrl() {
        assertThat(RunningApplication.bean(ApplicationSelfTest.class)).isSameAs(selfTest);
        assertThat(RunningApplication.localUrl()).isEqualTo("http://localhost:" + port);
    }

    private String actuator(String path) {
        return "http://localhost:" + port + path;
    }

    private String endpoint(String path) {
        return "http://localhost:" + selfTest.port().orElseThrow() + path;
    }
}
