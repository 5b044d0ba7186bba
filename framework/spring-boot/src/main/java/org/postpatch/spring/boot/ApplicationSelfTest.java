package org.postpatch.spring.boot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.postpatch.embedded.SelfTest;
import org.postpatch.endpoint.LastRun;
import org.postpatch.endpoint.RunRequest;
import org.postpatch.endpoint.SelfTestStatus;
import org.postpatch.endpoint.StatusSource;
import org.postpatch.result.Fingerprint;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * The self-test of this Spring Boot application: started with the application's other lifecycle
 * beans, after the web server (so its port is known to the probes), and stopped first on shutdown.
 * Its first run waits until the application accepts traffic. Inject it to read the last verdict or
 * to request a run ({@link #requestRun()}).
 * <p>
 * Starting never fails and never waits: the embedded self-test does its work in the background, and
 * any problem of its own is logged and shown in its {@link #status()}.
 */
public final class ApplicationSelfTest implements StatusSource, SmartLifecycle {

    private static final System.Logger LOG = System.getLogger("org.postpatch");

    private final PostPatchProperties properties;
    private final ConfigurableApplicationContext context;
    private final ApplicationReadiness readiness;
    private final Supplier<String> appVersion;
    private volatile SelfTest selfTest;
    private volatile String problem;

    ApplicationSelfTest(PostPatchProperties properties, ConfigurableApplicationContext context, ApplicationReadiness readiness,
                        Supplier<String> appVersion) {
        this.properties = properties;
        this.context = context;
        this.readiness = readiness;
        this.appVersion = appVersion;
    }

    @Override
    public void start() {
        try {
            SelfTestSettings settings = new SelfTestSettings(properties);
            String version = appVersion.get();
            SelfTest started = settings.builder(context.getEnvironment(), version, readiness).start();
            List<String> problems = settings.problems();
            problem = problems.isEmpty() ? null : String.join("; ", problems);
            if (problem != null) {
                LOG.log(System.Logger.Level.ERROR, "postpatch: " + problem);
            }
            selfTest = started;
            RunningApplication.started(context);
        } catch (RuntimeException | LinkageError unexpected) {
            problem = "the self-test could not start: " + unexpected;
            LOG.log(System.Logger.Level.ERROR, "postpatch: " + problem, unexpected);
        }
    }

    @Override
    public void stop() {
        RunningApplication.stopped(context);
        SelfTest running = selfTest;
        selfTest = null;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public boolean isRunning() {
        return selfTest != null;
    }

    /** The {@code /selftest} endpoint's port, when it is served on its own port. */
    public Optional<Integer> port() {
        SelfTest running = selfTest;
        return running == null ? Optional.empty() : running.port();
    }

    /**
     * The self-test's status now; before the self-test has started (or after it stopped) NEVER_RUN in
     * phase STARTING, with any problem of the settings.
     */
    @Override
    public SelfTestStatus status() {
        SelfTest running = selfTest;
        return running == null ? SelfTestStatus.notStarted(problem) : running.status().withProblem(problem);
    }

    /** The last finished run, if any. */
    public Optional<LastRun> lastRun() {
        return status().lastRun();
    }

    /** Where the self-test is: starting, waiting for the application, running, idle. */
    public SelfTestStatus.Phase phase() {
        return status().phase();
    }

    /** A problem of the self-test itself: unreadable settings, invalid probe files, ... */
    public Optional<String> problem() {
        return status().problem();
    }

    /** A warning that does not stop self-tests, such as an unavailable ledger. */
    public Optional<String> warning() {
        return status().warning();
    }

    @Override
    public Optional<JsonNode> report(String runId) {
        SelfTest running = selfTest;
        return running == null ? Optional.empty() : running.report(runId);
    }

    @Override
    public Optional<Fingerprint> fingerprint() {
        SelfTest running = selfTest;
        return running == null ? Optional.empty() : running.fingerprint();
    }

    /** Starts a run now, or joins the one in progress. */
    @Override
    public RunRequest requestRun() {
        SelfTest running = selfTest;
        if (running == null) {
            return new RunRequest("none", false, CompletableFuture.failedFuture(
                    new IllegalStateException("the self-test is not running (the application is starting or stopping)")));
        }
        return running.requestRun();
    }

    @Override
    public boolean readinessFollowsVerdict() {
        SelfTest running = selfTest;
        return running != null && running.readinessFollowsVerdict();
    }
}
