package org.postpatch.spring.boot.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.postpatch.endpoint.LastRun;
import org.postpatch.endpoint.SelfTestStatus;
import org.postpatch.endpoint.StatusSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code selfTest} health contributor: the self-test's status as a health status, the one place
 * it is mapped. The last run's verdict decides: PASS and WARN are UP, FAIL is DOWN; before the first
 * run, and while postpatch itself cannot self-test (invalid probe files, say), it is UNKNOWN, which
 * never changes the overall status. The details (shown by Actuator's {@code show-details} rules)
 * give the verdict, the run, its age, the fingerprint digest and the probes that did not pass. It
 * reads what is known now and never waits for a run in progress.
 */
public final class SelfTestHealthIndicator implements HealthIndicator {

    private final StatusSource selfTest;

    public SelfTestHealthIndicator(StatusSource selfTest) {
        this.selfTest = selfTest;
    }

    @Override
    public Health health() {
        SelfTestStatus status = selfTest.status();
        Health.Builder health = Health.status(healthStatus(status));
        status.lastRun().ifPresentOrElse(run -> runDetails(health, run),
                () -> health.withDetail("verdict", status.state().name()));
        health.withDetail("phase", status.phase().name());
        status.problem().ifPresent(reason -> health.withDetail("problem", reason));
        status.warning().ifPresent(warning -> health.withDetail("warning", warning));
        return health.build();
    }

    /** UP or DOWN by the last run's verdict; UNKNOWN while there is none. */
    static Status healthStatus(SelfTestStatus status) {
        return status.verdict().map(verdict -> switch (verdict) {
            case PASS, WARN -> Status.UP;
            case FAIL -> Status.DOWN;
        }).orElse(Status.UNKNOWN);
    }

    private static void runDetails(Health.Builder health, LastRun run) {
        health.withDetail("verdict", run.verdict().name())
                .withDetail("runId", run.runId())
                .withDetail("lastRunAt", run.finishedAt().toString())
                .withDetail("ageSeconds", Math.max(0, Duration.between(run.finishedAt(), Instant.now()).toSeconds()))
                .withDetail("fingerprint", run.fingerprintDigest());
        List<String> notPassed = run.notPassed().stream().map(probe -> probe.id() + " (" + probe.status() + ")").toList();
        if (!notPassed.isEmpty()) {
            health.withDetail("notPassed", notPassed);
        }
    }
}
