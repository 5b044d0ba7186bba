package org.postpatch.run;

import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;
import org.postpatch.config.BoundChecks;
import org.postpatch.config.SuiteLoader;
import org.postpatch.engine.ExecutionSettings;
import org.postpatch.engine.LoadedKinds;
import org.postpatch.engine.PostPatchTestEngine;
import org.postpatch.engine.ProbeObserver;
import org.postpatch.engine.RunControl;
import org.postpatch.engine.Snapshots;
import org.postpatch.engine.SuiteSelector;
import org.postpatch.model.ProbeDefinition;
import org.postpatch.model.Suite;
import org.postpatch.model.Suites;
import org.postpatch.result.Fingerprint;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;
import org.postpatch.result.SuiteResult;
import org.postpatch.secret.Redactor;

/**
 * Runs validated suites through the JUnit Platform Launcher with the postpatch engine and returns
 * the result. Configuration is fixed when the runner is built; one runner runs one run at a time.
 *
 * <pre>{@code
 * RunResult result = Runner.builder().parallel(8).timeout(Duration.ofMinutes(5)).build().run(suites);
 * }</pre>
 */
public final class Runner {

    /** The folder that holds screenshots and other attachments, by default in the temporary folder. */
    public static final String ATTACHMENTS_FOLDER = "postpatch-attachments";

    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final int parallel;
    private final Duration timeout;
    private final String target;
    private final Path attachments;
    private final TagExpression tags;
    private final Redactor redactor;
    private final ProbeObserver observer;
    private final Fingerprint fingerprint;
    private final Snapshots snapshots;
    /** Kept from one run to the next: a probe that did not change is not bound again; null when not kept. */
    private final BoundChecks boundChecks;
    private final LoadedKinds kinds = new LoadedKinds();
    private volatile RunControl current;
    private volatile boolean interruptRequested;

    private Runner(Builder builder) {
        this.parallel = builder.parallel;
        this.timeout = builder.timeout;
        this.target = builder.target != null ? builder.target : ExecutionSettings.hostName();
        this.attachments = builder.attachments;
        this.tags = builder.tags;
        this.redactor = builder.redactor;
        this.observer = builder.observer;
        this.fingerprint = builder.fingerprint;
        this.snapshots = builder.snapshots;
        this.boundChecks = builder.keepChecks ? new BoundChecks() : null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where attachments go unless told otherwise: {@value #ATTACHMENTS_FOLDER} in the temporary folder. */
    public static Path defaultAttachments() {
        return Path.of(System.getProperty("java.io.tmpdir"), ATTACHMENTS_FOLDER);
    }

    /** Settings for a runner; all optional. */
    public static final class Builder {
        private int parallel = ExecutionSettings.DEFAULT_PARALLEL;
        private Duration timeout;
        private String target;
        private Path attachments = defaultAttachments();
        private TagExpression tags;
        private Redactor redactor = new Redactor();
        private ProbeObserver observer = ProbeObserver.NONE;
        private Fingerprint fingerprint;
        private Snapshots snapshots = Snapshots.NONE;
        private boolean keepChecks = true;

        private Builder() {
        }

        /** How many probes run at once; default {@value ExecutionSettings#DEFAULT_PARALLEL}. */
        public Builder parallel(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("parallel must be at least 1, was " + value);
            }
            this.parallel = value;
            return this;
        }

        /** A deadline for the whole run; none by default. */
        public Builder timeout(Duration value) {
            if (value != null && (value.isZero() || value.isNegative())) {
                throw new IllegalArgumentException("timeout must be greater than 0");
            }
            this.timeout = value;
            return this;
        }

        /** The label of the target; the host name by default. */
        public Builder target(String value) {
            this.target = value;
            return this;
        }

        public Builder attachments(Path value) {
            this.attachments = Objects.requireNonNull(value, "attachments");
            return this;
        }

        /** Runs only probes matching this expression, plus the probes they need. */
        public Builder tags(TagExpression value) {
            this.tags = value;
            return this;
        }

        public Builder redactor(Redactor value) {
            this.redactor = Objects.requireNonNull(value, "redactor");
            return this;
        }

        /** Hears each probe as it finishes (the live console view). */
        public Builder observer(ProbeObserver value) {
            this.observer = Objects.requireNonNull(value, "observer");
            return this;
        }

        /** The fingerprint to record; this machine's by default ({@link Fingerprints#machine()}). */
        public Builder fingerprint(Fingerprint value) {
            this.fingerprint = value;
            return this;
        }

        /** Whether the run records snapshots, and the baseline's its probes compare with; none by default. */
        public Builder snapshots(Snapshots value) {
            this.snapshots = Objects.requireNonNull(value, "snapshots");
            return this;
        }

        /**
         * Whether the runner keeps each run's bound checks for its next run (default true). A runner
         * that runs once (a command-line process) turns it off: kept, the checks of a 100,000-probe
         * suite would stay in memory until the end of the run instead of going with each probe.
         */
        public Builder keepChecks(boolean value) {
            this.keepChecks = value;
            return this;
        }

        public Runner build() {
            return new Runner(this);
        }
    }

    /** Runs the suites (one after another; probes within a suite in parallel) and returns the result. */
    public RunResult run(List<Suite> suites) {
        return run(suites, newRunId());
    }

    /** Runs the suites under a run id chosen beforehand (to answer "started run X" before it ends). */
    public RunResult run(List<Suite> suites, String runId) {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        List<SuiteResult> collected = new ArrayList<>();
        ProbeObserver collecting = new ProbeObserver() {
            @Override
            public void suiteStarted(Suite suite) {
                observer.suiteStarted(suite);
            }

            @Override
            public void probeStarted(Suite suite, ProbeDefinition probe) {
                observer.probeStarted(suite, probe);
            }

            @Override
            public void probeFinished(ProbeResult result) {
                observer.probeFinished(result);
            }

            @Override
            public void suiteFinished(SuiteResult result) {
                collected.add(result);
                observer.suiteFinished(result);
            }
        };
        RunControl control = new RunControl(redactor, collecting, snapshots, boundChecks, kinds);
        current = control;
        if (interruptRequested) {
            control.interrupt();
        }
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestEngines(new PostPatchTestEngine(control))
                .build());
        Map<String, String> parameters = new HashMap<>();
        parameters.put(ExecutionSettings.PARALLEL, String.valueOf(parallel));
        parameters.put(ExecutionSettings.TARGET, target);
        parameters.put(ExecutionSettings.ATTACHMENTS, attachments.toString());
        if (timeout != null) {
            parameters.put(ExecutionSettings.TIMEOUT, timeout.toMillis() + "ms");
        }
        List<Suite> selected = selected(suites);
        LauncherDiscoveryRequest discovery = request()
                .selectors(selected.stream().map(SuiteSelector::of).toList())
                .configurationParameters(parameters)
                .build();
        List<String> engineFailures = new ArrayList<>();
        try {
            launcher.execute(discovery, new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier identifier, TestExecutionResult outcome) {
                    if (identifier.isContainer() && !identifier.isTest() && outcome.getStatus() == TestExecutionResult.Status.FAILED) {
                        engineFailures.add(identifier.getDisplayName() + ": " + outcome.getThrowable()
                                .map(org.postpatch.engine.Failures::describe).orElse("failed"));
                    }
                }
            });
        } finally {
            if (boundChecks != null) {
                boundChecks.runEnded();
            }
        }
        if (!engineFailures.isEmpty() || collected.size() != selected.size()) {
            // The engine itself failed: a verdict from what little ran would be a lie.
            throw new IllegalStateException("the run could not complete: " + redactor.redact(engineFailures.isEmpty()
                    ? "results of " + (selected.size() - collected.size()) + " suite(s) are missing"
                    : String.join("; ", engineFailures)));
        }
        return new RunResult(runId, target, startedAt, Duration.ofNanos(System.nanoTime() - start),
                fingerprint != null ? fingerprint : Fingerprints.machine(), collected,
                control.isInterrupted(), control.isTimedOut());
    }

    /**
     * Ends the current run as soon as possible (Ctrl-C, SIGTERM): running probes are abandoned and
     * their processes killed, the rest skipped; the result is marked interrupted.
     */
    public void interrupt() {
        interruptRequested = true;
        RunControl control = current;
        if (control != null) {
            control.interrupt();
        }
    }

    /** The suites reduced to the probes the tag expression selects, plus everything those need. */
    private List<Suite> selected(List<Suite> suites) {
        if (tags == null) {
            return suites;
        }
        return select(suites, tags);
    }

    /**
     * The suites reduced to the probes {@code tags} selects, plus everything those need.
     *
     * @throws IllegalArgumentException when the expression selects no probe at all
     */
    public static List<Suite> select(List<Suite> suites, TagExpression tags) {
        List<Suite> selected = Suites.reduced(suites, probe -> tags.matches(probe.tags()));
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("--tags '" + tags + "' selects no probe");
        }
        return selected;
    }


    /** A new run id: sortable by time, unique enough across processes (20261128-231742-1a2b3c). */
    public static String newRunId() {
        return RUN_ID.format(Instant.now()) + "-" + Integer.toHexString(0x100000 + ThreadLocalRandom.current().nextInt(0xF00000));
    }
}
