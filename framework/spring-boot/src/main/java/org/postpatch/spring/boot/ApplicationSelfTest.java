package org.postpatch.spring.boot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.postpatch.embedded.SelfTest;
import org.postpatch.endpoint.LastRun;
import org.postpatch.endpoint.RunRequest;
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
 * any problem of its own is logged and shown as its {@link #problem()}.
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

    @Override
    public Optional<LastRun> lastRun() {
        SelfTest running = selfTest;
        return running == null ? Optional.empty() : running.lastRun();
    }

    @Override
    public boolean running() {
        SelfTest running = selfTest;
        return running != null && running.running();
    }

    @Override
    public String phase() {
        SelfTest running = selfTest;
        return running == null ? "STARTING" : running.phase();
    }

    /** A problem of the self-test itself: unreadable settings, invalid probe files, ... */
    @Override
    public Optional<String> problem() {
        SelfTest running = selfTest;
        Optional<String> embedded = running == null ? Optional.empty() : running.problem();
        if (embedded.isPresent() && problem != null) {
            return Optional.of(problem + "; " + embedded.get());
        }
        return embedded.isPresent() ? embedded : Optional.ofNullable(problem);
    }

    @Override
    public Optional<String> warning() {
        SelfTest running = selfTest;
        return running == null ? Optional.empty() : running.warning();
    }

    @Override
    public Map<String, Long> runsByVerdict() {
        SelfTest running = selfTest;
        return running == null ? Map.of() : running.runsByVerdict();
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
