package org.postpatch.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.postpatch.compare.Comparison;
import org.postpatch.compare.Recheck;
import org.postpatch.config.InvalidSuiteException;
import org.postpatch.config.SuiteLoader;
import org.postpatch.endpoint.Access;
import org.postpatch.engine.Snapshots;
import org.postpatch.endpoint.LastRun;
import org.postpatch.endpoint.RunRequest;
import org.postpatch.endpoint.StatusEndpoint;
import org.postpatch.endpoint.StatusSource;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.LedgerException;
import org.postpatch.ledger.LedgerRun;
import org.postpatch.ledger.Ledgers;
import org.postpatch.ledger.RunKind;
import org.postpatch.ledger.Trigger;
import org.postpatch.model.Suite;
import org.postpatch.report.JsonReport;
import org.postpatch.result.Fingerprint;
import org.postpatch.result.RunResult;
import org.postpatch.run.Runner;
import org.postpatch.secret.Redactor;

/**
 * A running embedded self-test. On start (in the background) it opens the ledger, reads the probe
 * files and the fingerprint; when the fingerprint differs from the last recorded run of a suite on
 * this target (or there is none), it waits for the application to be ready and runs the suites.
 * It also runs on a schedule and on request, one run at a time, and serves the endpoint throughout.
 * Nothing here ever throws into the application: problems are logged and shown at the endpoint.
 */
public final class SelfTest implements StatusSource, AutoCloseable {

    private static final System.Logger LOG = System.getLogger("org.postpatch");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SelfTestConfig config;
    private final Redactor redactor = new Redactor();
    private final Instant processStartedAt = ProcessHandle.current().info().startInstant().orElse(Instant.now());
    private final AtomicReference<LastRun> last = new AtomicReference<>();
    private final Map<String, LongAdder> runsByVerdict = new ConcurrentHashMap<>();
    private final ExecutorService background;
    private final ScheduledExecutorService scheduler;
    private volatile Ledger ledger = Ledgers.unavailable("not opened yet");
    private volatile StatusEndpoint endpoint;
    private volatile Fingerprint fingerprint;
    private volatile String problem;
    private volatile String warning;
    private volatile String phase = "STARTING";
    private volatile Runner runner;
    private final AutomaticBaseline automaticBaseline;
    private CompletableFuture<LastRun> current;
    private String currentRunId;

    private SelfTest(SelfTestConfig config) {
        this.config = config;
        this.automaticBaseline = new AutomaticBaseline(config, () -> ledger, this::warn);
        this.background = Executors.newSingleThreadExecutor(task -> daemon(task, "postpatch-selftest"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "postpatch-schedule"));
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    static SelfTest start(SelfTestConfig config) {
        SelfTest selfTest = new SelfTest(config);
        selfTest.startEndpoint();
        selfTest.background.execute(selfTest::startUp);
        return selfTest;
    }

    /** A self-test turned off by the operator ({@code postpatch.enabled=false}). */
    static SelfTest disabled() {
        SelfTest selfTest = new SelfTest(null);
        selfTest.problem = "the self-test is turned off (postpatch.enabled=false)";
        selfTest.phase = "IDLE";
        return selfTest;
    }

    /** A self-test that could not start; the reason is logged and kept. */
    static SelfTest failed(String reason) {
        SelfTest selfTest = new SelfTest(null);
        selfTest.problem = reason;
        selfTest.phase = "IDLE";
        LOG.log(System.Logger.Level.ERROR, "postpatch: " + reason);
        return selfTest;
    }

    /** The endpoint's port, when it has its own server. */
    public Optional<Integer> port() {
        StatusEndpoint serving = endpoint;
        return serving == null ? Optional.empty() : Optional.of(serving.port());
    }

    /**
     * The fingerprint the target runs on now (known shortly after start). Read again from the
     * source each time — a stand-alone server's target may have restarted — and the last one read
     * is kept while the source cannot tell.
     */
    @Override
    public Optional<Fingerprint> fingerprint() {
        if (fingerprint == null || config == null) {
            return Optional.ofNullable(fingerprint);
        }
        try {
            return Optional.of(currentFingerprint());
        } catch (RuntimeException unreadable) {
            return Optional.ofNullable(fingerprint);
        }
    }

    /** Reads the fingerprint again; while it cannot be read, warns and keeps the last one (if any). */
    private Fingerprint currentFingerprint() {
        try {
            fingerprint = config.fingerprint().get();
        } catch (RuntimeException unreadable) {
            if (fingerprint == null) {
                throw unreadable;
            }
            warn("the fingerprint could not be read again (" + unreadable.getMessage() + "); the last one read is kept");
        }
        return fingerprint;
    }

    private void startEndpoint() {
        try {
            Access access = Access.withToken(config.token());
            if (config.existingServer() != null) {
                endpoint = StatusEndpoint.mount(config.existingServer(), config.basePath(), this, access);
            } else if (config.endpointAddress() != null) {
                endpoint = StatusEndpoint.start(config.endpointAddress(), config.basePath(), this, access);
            }
            port().ifPresent(port -> LOG.log(System.Logger.Level.INFO, "postpatch: self-test endpoint on port " + port
                    + config.basePath()));
        } catch (IOException | RuntimeException | LinkageError e) {
            warn("the self-test endpoint could not start on " + config.endpointAddress() + ": " + e.getMessage());
        }
    }

    private void startUp() {
        try {
            fingerprint = config.fingerprint().get();
            ledger = Ledgers.openOrWarn(config.ledger(), this::warn);
            List<Suite> suites = load();
            if (suites == null) {
                return;
            }
            Optional<String> changedSuite = changedSuite(suites);
            if (changedSuite.isPresent() && config.runOnChange()) {
                LOG.log(System.Logger.Level.INFO, "postpatch: " + changedSuite.get() + "; self-testing once the application is ready");
                phase = "WAITING_FOR_APPLICATION";
                awaitReadiness();
                request(Trigger.START);
            }
            config.scheduleInterval().ifPresent(interval -> scheduler.scheduleWithFixedDelay(
                    () -> request(Trigger.SCHEDULE), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS));
        } catch (RuntimeException | LinkageError unexpected) {
            problem = "the self-test could not start: " + redactor.redact(String.valueOf(unexpected));
            LOG.log(System.Logger.Level.ERROR, "postpatch: " + problem, unexpected);
        } finally {
            phase = "IDLE";
        }
    }

    /**
     * Why this start needs a run ("no run recorded yet", "the fingerprint changed: ..."), or empty
     * when every suite's last run was on this very fingerprint; then that run's result is served.
     */
    private Optional<String> changedSuite(List<Suite> suites) {
        for (Suite suite : suites) {
            Optional<LedgerRun> latest;
            try {
                latest = ledger.latest(suite.name(), config.target(), Set.of());
            } catch (LedgerException unavailable) {
                return Optional.of("no ledger to compare with");
            }
            if (latest.isEmpty()) {
                return Optional.of("no run of suite " + suite.name() + " recorded on " + config.target() + " yet");
            }
            if (latest.get().interrupted() || latest.get().timedOut()) {
                return Optional.of("the last run of suite " + suite.name() + " (" + latest.get().runId() + ") was cut short");
            }
            if (!latest.get().fingerprint().digest().equals(fingerprint.digest())) {
                return Optional.of("the fingerprint changed since run " + latest.get().runId() + ": "
                        + fingerprint.changesSince(latest.get().fingerprint()));
            }
            try {
                ledger.report(latest.get().runId()).map(SelfTest::parse).ifPresent(report -> last.compareAndSet(null, LastRun.of(report)));
            } catch (LedgerException unreadable) {
                warn("the last result could not be read from the ledger: " + unreadable.getMessage());
            }
        }
        return Optional.empty();
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new LedgerException("a recorded report is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private void awaitReadiness() {
        if (config.readiness() == null) {
            return;
        }
        try {
            Awaitility.with().dontCatchUncaughtExceptions().pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(250))
                    .atMost(config.readinessTimeout())
                    .until(() -> config.readiness().getAsBoolean());
        } catch (ConditionTimeoutException notReady) {
            warn("the application was not ready after " + org.postpatch.config.Durations.format(config.readinessTimeout())
                    + "; self-testing anyway");
        }
    }

    private List<Suite> load() {
        try {
            List<Suite> suites = SuiteLoader.builder().environment(config.environment()).overrides(config.variables())
                    .redactor(redactor).build().load(config.probes());
            problem = null;
            return suites;
        } catch (InvalidSuiteException invalid) {
            problem = "the probe files are invalid: " + invalid.getMessage();
            LOG.log(System.Logger.Level.ERROR, "postpatch: " + problem);
            return null;
        } catch (RuntimeException broken) {
            problem = "the probe files could not be read: " + redactor.redact(String.valueOf(broken));
            LOG.log(System.Logger.Level.ERROR, "postpatch: " + problem);
            return null;
        }
    }

    private void warn(String message) {
        warning = redactor.redact(message);
        LOG.log(System.Logger.Level.WARNING, "postpatch: " + warning);
    }

    /** Starts a run now, or joins the one in progress. */
    public synchronized RunRequest request(Trigger trigger) {
        if (config == null) {
            return new RunRequest("none", false, CompletableFuture.failedFuture(new IllegalStateException(problem)));
        }
        if (inProgress()) {
            return new RunRequest(currentRunId, true, current);
        }
        String runId = Runner.newRunId();
        currentRunId = runId;
        current = CompletableFuture.supplyAsync(() -> runOnce(trigger, runId), background);
        current.whenComplete((finished, failure) -> {
            if (failure != null) {
                LOG.log(System.Logger.Level.WARNING, "postpatch: run " + runId + " (" + trigger + ") could not complete: "
                        + redactor.redact(String.valueOf(failure.getCause() != null ? failure.getCause() : failure)));
            }
        });
        return new RunRequest(runId, false, current);
    }

    private LastRun runOnce(Trigger trigger, String runId) {
        List<Suite> suites = load();
        if (suites == null) {
            throw new IllegalStateException(problem);
        }
        Fingerprint runsOn = currentFingerprint();
        String baseline = automaticBaseline.runIdFor(suites.get(0), runsOn);
        Snapshots snapshots = automaticBaseline.snapshots(baseline);
        RunResult result = newRunner(runsOn, snapshots).run(suites, runId);
        Recheck.Rechecked checked = automaticBaseline.judge(baseline, suites, result,
                (subset, timeLeft) -> newRunner(runsOn, snapshots).run(subset));
        result = checked.result();
        Comparison comparison = checked.comparison();
        ObjectNode report = new JsonReport(redactor).tree(result, comparison);
        try {
            ledger.record(LedgerRun.of(result, RunKind.SELFTEST, trigger, baseline,
                    trigger == Trigger.START ? processStartedAt : null, comparison), MAPPER.writeValueAsString(report));
        } catch (LedgerException | JsonProcessingException e) {
            warn("the run was not recorded: " + e.getMessage());
        }
        LastRun finished = LastRun.of(report);
        last.set(finished);
        runsByVerdict.computeIfAbsent(finished.verdict(), v -> new LongAdder()).increment();
        LOG.log(finished.verdict().equals("FAIL") ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
                "postpatch: self-test " + finished.verdict() + " (" + result.suiteNames() + ", run " + runId + ", "
                        + report.path("summary").path("passed").asInt() + " of " + report.path("summary").path("total").asInt()
                        + " probes passed)");
        return finished;
    }

    /** A runner for this self-test, which {@link #close()} interrupts. */
    private Runner newRunner(Fingerprint runsOn, Snapshots snapshots) {
        Runner created = Runner.builder().parallel(config.parallel()).target(config.target())
                .attachments(config.attachments()).redactor(redactor).fingerprint(runsOn).snapshots(snapshots).build();
        runner = created;
        return created;
    }

    @Override
    public Optional<LastRun> lastRun() {
        return Optional.ofNullable(last.get());
    }

    @Override
    public synchronized boolean running() {
        return inProgress();
    }

    /**
     * True while a run is under way: started and its result not served yet. A run whose result is
     * already served is over, even if its task has a few statements left: a request then starts a
     * new run rather than joining a finished one.
     */
    private boolean inProgress() {
        LastRun served = last.get();
        return current != null && !current.isDone() && (served == null || !served.runId().equals(currentRunId));
    }

    @Override
    public String phase() {
        return running() ? "RUNNING" : phase;
    }

    @Override
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public Optional<String> warning() {
        return Optional.ofNullable(warning);
    }

    @Override
    public Map<String, Long> runsByVerdict() {
        Map<String, Long> counts = new TreeMap<>();
        runsByVerdict.forEach((verdict, count) -> counts.put(verdict, count.sum()));
        return counts;
    }

    @Override
    public Optional<JsonNode> report(String runId) {
        LastRun latest = last.get();
        if (latest != null && latest.runId().equals(runId)) {
            return Optional.of(latest.report());
        }
        try {
            return ledger.report(runId).map(SelfTest::parse);
        } catch (LedgerException unavailable) {
            return Optional.empty();
        }
    }

    @Override
    public RunRequest requestRun() {
        return request(Trigger.REQUEST);
    }

    @Override
    public boolean readinessFollowsVerdict() {
        return config != null && config.readinessFollowsVerdict();
    }

    /** Stops runs, the schedule and the endpoint; a run in progress is interrupted. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        Runner running = runner;
        if (running != null) {
            running.interrupt();
        }
        background.shutdownNow();
        try {
            // A run being interrupted records its partial result; let it, before the ledger closes.
            background.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        StatusEndpoint serving = endpoint;
        if (serving != null) {
            serving.close();
        }
        ledger.close();
    }
}
