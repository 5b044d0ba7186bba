package org.postpatch.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postpatch.spring.boot.testapp.HelloApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With every Tomcat worker thread busy, {@code /selftest} still answers at once from its own threads. */
@SpringBootTest(classes = HelloApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "postpatch.probes=classpath:selftest/failing.yaml",
        "server.tomcat.threads.max=1",
        "server.tomcat.threads.min-spare=1"})
class SelfTestAnswersWhileTomcatIsSaturatedTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationSelfTest selfTest;

    @Autowired
    HelloApplication.Gate gate;

    @AfterEach
    void openTheGate() {
        gate.open.countDown();
    }

    @Test
    void selfTestAnswersWhileTheApplicationsOnlyWorkerThreadIsBusy() throws Exception {
        await("the first self-test run").atMost(Duration.ofSeconds(60)).until(() -> selfTest.lastRun().isPresent());
        client.sendAsync(request("http://localhost:" + port + "/slow", Duration.ofSeconds(40)), HttpResponse.BodyHandlers.ofString());
        await("Tomcat's only worker thread to be held").atMost(Duration.ofSeconds(10)).until(() -> gate.waiting.get() == 1);

        assertThatThrownBy(() -> client.send(request("http://localhost:" + port + "/hello", Duration.ofSeconds(1)),
                HttpResponse.BodyHandlers.ofString()))
                .as("the application itself answers while its only thread is busy")
                .isInstanceOf(HttpTimeoutException.class);
        // The held request lasts 40 s; the endpoint answering within its request's 5 s timeout shows
        // it does not queue behind Tomcat (how fast it answers is benchmark B3's business).
        HttpResponse<String> selfTestAnswer = client.send(request("http://localhost:" + selfTest.port().orElseThrow()
                + "/selftest", Duration.ofSeconds(5)), HttpResponse.BodyHandlers.ofString());

        assertThat(selfTestAnswer.statusCode()).isEqualTo(503);
        assertThat(selfTestAnswer.body()).contains("\"status\":\"FAIL\"");
    }

    private static HttpRequest request(String url, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(timeout).build();
    }
}
