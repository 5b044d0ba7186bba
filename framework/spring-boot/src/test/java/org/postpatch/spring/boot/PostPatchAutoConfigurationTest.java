package org.postpatch.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.postpatch.endpoint.SelfTestStatus;
import org.postpatch.result.Verdict;
import org.postpatch.spring.boot.health.SelfTestHealthAutoConfiguration;
import org.postpatch.spring.boot.health.SelfTestHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configuration's conditions and its resilience, without a web server. */
class PostPatchAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PostPatchAutoConfiguration.class, SelfTestHealthAutoConfiguration.class))
            .withPropertyValues("postpatch.ledger=none", "postpatch.port=0", "postpatch.probes=classpath:selftest/failing.yaml");

    @Test
    void disabledPropertyStartsNothing() throws IOException {
        int port = freePort();
        runner.withPropertyValues("postpatch.enabled=false", "postpatch.port=" + port).run(context -> {
            assertThat(context).hasNotFailed()
                    .doesNotHaveBean(ApplicationSelfTest.class)
                    .doesNotHaveBean(SelfTestHealthIndicator.class)
                    .doesNotHaveBean(ApplicationReadiness.class);
            assertThat(listening(port)).as("something listens on the endpoint port " + port).isFalse();
            assertThat(RunningApplication.find()).isEmpty();
        });
    }

    @Test
    void firstRunWaitsUntilTheApplicationAcceptsTraffic() {
        runner.run(context -> {
            ApplicationSelfTest selfTest = context.getBean(ApplicationSelfTest.class);
            await("waiting for the application").atMost(Duration.ofSeconds(30))
                    .until(() -> selfTest.phase() == SelfTestStatus.Phase.WAITING_FOR_APPLICATION);
            assertThat(selfTest.lastRun()).isEmpty();
            assertThat(context.getBean(SelfTestHealthIndicator.class).health().getStatus()).isEqualTo(Status.UNKNOWN);

            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);

            await("the first run").atMost(Duration.ofSeconds(30)).until(() -> selfTest.lastRun().isPresent());
            assertThat(selfTest.lastRun().orElseThrow().verdict()).isEqualTo(Verdict.FAIL);
            assertThat(context.getBean(SelfTestHealthIndicator.class).health().getStatus()).isEqualTo(Status.DOWN);
        });
    }

    @Test
    void closingTheApplicationStopsTheEndpoint() {
        int[] port = new int[1];
        runner.run(context -> {
            port[0] = context.getBean(ApplicationSelfTest.class).port().orElseThrow();
            assertThat(listening(port[0])).isTrue();
        });
        assertThat(listening(port[0])).as("the endpoint still listens after the application closed").isFalse();
    }

    @Test
    void healthContributorCanBeTurnedOffAlone() {
        runner.withPropertyValues("management.health.selftest.enabled=false").run(context -> assertThat(context)
                .hasSingleBean(ApplicationSelfTest.class)
                .doesNotHaveBean(SelfTestHealthIndicator.class));
    }

    @Test
    void mistakesInTheSettingsAreReportedAndNeverStopTheApplication() {
        runner.withPropertyValues("postpatch.port=nine", "postpatch.schedule=soon", "postpatch.probes=classpath:nowhere/")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ApplicationSelfTest selfTest = context.getBean(ApplicationSelfTest.class);
                    assertThat(selfTest.port()).isEmpty();
                    await("the probe files read").atMost(Duration.ofSeconds(30))
                            .until(() -> selfTest.problem().orElse("").contains("nowhere"));
                    assertThat(selfTest.problem().orElseThrow())
                            .contains("postpatch.port: 'nine' is not a port number")
                            .contains("postpatch.schedule: 'soon' is not a duration");
                    var health = context.getBean(SelfTestHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
                    assertThat(health.getDetails()).containsEntry("verdict", "ERROR").containsKey("problem");
                });
    }

    @Test
    void busyEndpointPortIsAWarningAndTheApplicationStarts() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            runner.withPropertyValues("postpatch.port=" + taken.getLocalPort()).run(context -> {
                assertThat(context).hasNotFailed();
                ApplicationSelfTest selfTest = context.getBean(ApplicationSelfTest.class);
                assertThat(selfTest.port()).isEmpty();
                assertThat(selfTest.warning()).hasValueSatisfying(warning ->
                        assertThat(warning).contains("endpoint could not start"));
            });
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
