package org.postpatch.spring.boot.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postpatch.endpoint.LastRun;
import org.postpatch.endpoint.StatusSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code selfTest} health contributor: the last self-test's verdict as a health status. PASS
 * and WARN are UP, FAIL is DOWN; before the first run, and while postpatch itself cannot self-test
 * (invalid probe files, say), it is UNKNOWN, which never changes the overall status. The details
 * (shown by Actuator's {@code show-details} rules) give the verdict, the run, its age, the
 * fingerprint digest and the probes that did not pass. It reads what is known now and never waits
 * for a run in progress.
 */
public final class SelfTestHealthIndicator implements HealthIndicator {

    private final StatusSource selfTest;

    public SelfTestHealthIndicator(StatusSource selfTest) {
        this.selfTest = selfTest;
    }

    @Override
    public Health health() {
        Optional<LastRun> last = selfTest.lastRun();
        Optional<String> problem = selfTest.problem();
        Health.Builder health = last.map(SelfTestHealthIndicator::ofRun)
                .orElseGet(() -> Health.unknown().withDetail("verdict", problem.isPresent() ? "ERROR" : "NEVER_RUN"));
        health.withDetail("phase", selfTest.phase());
        problem.ifPresent(reason -> health.withDetail("problem", reason));
        selfTest.warning().ifPresent(warning -> health.withDetail("warning", warning));
        return health.build();
    }

    private static Health.Builder ofRun(LastRun run) {
        Health.Builder health = "FAIL".equals(run.verdict()) ? Health.down() : Health.up();
        health.withDetail("verdict", run.verdict())
                .withDetail("runId", run.runId())
                .withDetail("lastRunAt", run.finishedAt().toString())
                .withDetail("ageSeconds", Math.max(0, Duration.between(run.finishedAt(), Instant.now()).toSeconds()))
                .withDetail("fingerprint", run.fingerprintDigest());
        List<String> notPassed = notPassed(run.report());
        if (!notPassed.isEmpty()) {
            health.withDetail("notPassed", notPassed);
        }
        return health;
    }

    /** The probes that failed or were blocked, as {@code id (STATUS)}. */
    private static List<String> notPassed(JsonNode report) {
        List<String> probes = new ArrayList<>();
        for (JsonNode probe : report.path("probes")) {
            String status = probe.path("status").asText();
            if (status.equals("FAILED") || status.equals("BLOCKED")) {
                probes.add(probe.path("id").asText() + " (" + status + ")");
            }
        }
        return probes;
    }
}
