package org.postpatch.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.postpatch.endpoint.SelfTestStatus;
import org.postpatch.endpoint.SelfTestStatus.Phase;
import org.postpatch.endpoint.StatusEndpoint;
import org.postpatch.endpoint.StatusSource;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.LedgerException;
import org.postpatch.ledger.LedgerRun;
import org.postpatch.ledger.Ledgers;
import org.postpatch.ledger.RunKind;
import org.postpatch.ledger.Trigger;
import org.postpatch.model.Suite;
import org.postpatch.report.JsonText;
import org.postpatch.report.RunReport;
import org.postpatch.result.Fingerprint;
import org.postpatch.result.RunResult;
import org.postpatch.result.Verdict;
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

    private final SelfTestConfig config;
    private final Redactor redactor = new Redactor();
    private final Instant processStartedAt = ProcessHandle.current().info().startInstant().orElse(Instant.now());
    private final AtomicReference<LastRun> last = new AtomicReference<>();
    private final Map<Verdict, LongAdder> runsByVerdict = new ConcurrentHashMap<>();
    private final ExecutorService background;
    private final ScheduledExecutorService scheduler;
    private volatile Ledger ledger = Ledgers.unavailable("not opened yet");
    private volatile StatusEndpoint endpoint;
    private final TargetFingerprint fingerprint;
    private volatile String problem;
    private volatile String warning;
    private volatile Phase phase = Phase.STARTING;
    private volatile Runner runner;
    private final AutomaticBaseline automaticBaseline;
    /** The record beside an H2 file ledger that lets an unchanged restart skip the database; empty for others. */
    private final Optional<LastRunRecord> lastRunRecord;
    private CompletableFuture<LastRun> current;
    private String currentRunId;

    private SelfTest(SelfTestConfig config) {
        this.config = config;
        this.automaticBaseline = new AutomaticBaseline(config, () -> ledger, this::warn);
        this.fingerprint = config == null ? null : new TargetFingerprint(config.fingerprint(), this::warn);
        this.lastRunRecord = config == null ? Optional.empty() : LastRunRecord.forLedger(config.ledger());
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
        selfTest.phase = Phase.IDLE;
        return selfTest;
    }

    /** A self-test that could not start; the reason is logged and kept. */
    static SelfTest failed(String reason) {
        SelfTest selfTest = new SelfTest(null);
        selfTest.problem = reason;
        selfTest.phase = Phase.IDLE;
        LOG.log(System.Logger.Level.ERROR, "postpatch: " + reason);
        return selfTest;
    }

    /** The endpoint's port, when it has its own server. */
    public Optional<Integer> port() {
        StatusEndpoint serving = endpoint;
        return serving == null ? Optional.empty() : Optional.of(serving.port());
    }

    /** The fingerprint the target runs on now (known shortly after start; see {@link TargetFingerprint}). */
    @Override
    public Optional<Fingerprint> fingerprint() {
        return fingerprint == null ? Optional.empty() : fingerprint.known();
    }

    private Fingerprint currentFingerprint() {
        return fingerprint.read();
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
            Fingerprint startedOn = currentFingerprint();
            ledger = new LazyLedger(config.ledger(), this::warn);
            List<Suite> suites = load();
            if (suites == null) {
                return;
            }
            Optional<String> reasonToRun = reasonToRun(suites, startedOn);
            if (reasonToRun.isPresent() && config.runOnChange()) {
                LOG.log(System.Logger.Level.INFO, "postpatch: " + reasonToRun.get() + "; self-testing once the application is ready");
                phase = Phase.WAITING_FOR_APPLICATION;
                awaitReadiness();
                request(Trigger.START);
            }
            config.scheduleInterval().ifPresent(interval -> scheduler.scheduleWithFixedDelay(
                    () -> request(Trigger.SCHEDULE), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS));
        } catch (RuntimeException | LinkageError unexpected) {
            problem = "the self-test could not start: " + redactor.redact(String.valueOf(unexpected));
            LOG.log(System.Logger.Level.ERROR, "postpatch: " + problem, unexpected);
        } finally {
            phase = Phase.IDLE;
        }
    }

    /**
     * Why this start needs a run, or empty when nothing is due. The record beside the ledger answers
     * when it can ({@link LastRunRecord}: no database started); otherwise the ledger does, and when
     * nothing is due the record is written for the next start.
     */
    private Optional<String> reasonToRun(List<Suite> suites, Fingerprint startedOn) {
        List<String> names = suites.stream().map(Suite::name).toList();
        Optional<LastRun> recorded = lastRunRecord.flatMap(record -> record.nothingDue(config.target(), names,
                startedOn.digest())).flatMap(this::lastRunOf);
        if (recorded.isPresent()) {
            last.compareAndSet(null, recorded.get());
            return Optional.empty();
        }
        Optional<String> reason = new PatchDetection(ledger, config.target(), this::warn)
                .reasonToRun(suites, startedOn, found -> last.compareAndSet(null, found));
        if (reason.isEmpty()) {
            lastRunRecord.ifPresent(record -> record.refresh(config.target(), names));
        }
        return reason;
    }

    private Optional<LastRun> lastRunOf(JsonNode report) {
        try {
            return Optional.of(LastRun.of(report));
        } catch (RuntimeException unreadable) {
            // A record this version cannot read: the ledger decides.
            return Optional.empty();
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
        JsonNode report = RunReport.of(result, comparison, redactor).document();
        boolean recorded = false;
        try {
            ledger.record(LedgerRun.of(result, RunKind.SELFTEST, trigger, baseline,
                    trigger == Trigger.START ? processStartedAt : null, comparison), JsonText.compact(report));
            recorded = true;
        } catch (LedgerException | UncheckedIOException e) {
            warn("the run was not recorded: " + e.getMessage());
        }
        LastRun finished = LastRun.of(report);
        last.set(finished);
        if (recorded) {
            List<String> names = suites.stream().map(Suite::name).toList();
            lastRunRecord.ifPresent(record -> record.refresh(config.target(), names));
        }
        runsByVerdict.computeIfAbsent(finished.verdict(), v -> new LongAdder()).increment();
        LOG.log(finished.verdict() == Verdict.FAIL ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
                "postpatch: self-test " + finished.verdict() + " (" + result.suiteNames() + ", run " + runId + ", "
                        + finished.counts().passed() + " of " + finished.counts().total() + " probes passed)");
        return finished;
    }

    /** A runner for this self-test, which {@link #close()} interrupts. */
    private Runner newRunner(Fingerprint runsOn, Snapshots snapshots) {
        Runner created = Runner.builder().parallel(config.parallel()).target(config.target())
                .attachments(config.attachments()).redactor(redactor).fingerprint(runsOn).snapshots(snapshots).build();
        runner = created;
        return created;
    }

    /** The last finished run, if any. */
    public Optional<LastRun> lastRun() {
        return Optional.ofNullable(last.get());
    }

    @Override
    public SelfTestStatus status() {
        boolean running;
        synchronized (this) {
            running = inProgress();
        }
        Map<Verdict, Long> runs = new EnumMap<>(Verdict.class);
        runsByVerdict.forEach((verdict, count) -> runs.put(verdict, count.sum()));
        return SelfTestStatus.of(last.get(), running, running ? Phase.RUNNING : phase, problem, warning, runs);
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
    public Optional<JsonNode> report(String runId) {
        LastRun latest = last.get();
        if (latest != null && latest.runId().equals(runId)) {
            return Optional.of(latest.report());
        }
        try {
            return PatchDetection.report(ledger, runId);
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
