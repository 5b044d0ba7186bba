package org.postpatch.engine;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postpatch.config.BoundChecks;
import org.postpatch.secret.Redactor;
import org.postpatch.spi.ProbeKinds;

/**
 * The runner's handle on an engine run: who observes it, which secrets to redact, what it does with
 * snapshots, and how to stop it early (Ctrl-C, SIGTERM). One per run; an engine made by ServiceLoader
 * gets a quiet one of its own.
 */
public final class RunControl {

    private final Redactor redactor;
    private final ProbeObserver observer;
    private final Snapshots snapshots;
    private final BoundChecks boundChecks;
    private final LoadedKinds kinds;
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final AtomicBoolean timedOut = new AtomicBoolean();

    public RunControl(Redactor redactor, ProbeObserver observer) {
        this(redactor, observer, Snapshots.NONE);
    }

    public RunControl(Redactor redactor, ProbeObserver observer, Snapshots snapshots) {
        this(redactor, observer, snapshots, null, new LoadedKinds());
    }

    /**
     * @param boundChecks the checks of the runner's last run, reused where nothing changed; null for none
     * @param kinds       the kinds the runner found, kept across its runs
     */
    public RunControl(Redactor redactor, ProbeObserver observer, Snapshots snapshots, BoundChecks boundChecks,
                      LoadedKinds kinds) {
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.boundChecks = boundChecks;
        this.kinds = Objects.requireNonNull(kinds, "kinds");
    }

    /** A control with no observer, for an engine found by ServiceLoader (IDE, Surefire). */
    public static RunControl quiet() {
        return new RunControl(new Redactor(), ProbeObserver.NONE);
    }

    public Redactor redactor() {
        return redactor;
    }

    public ProbeObserver observer() {
        return observer;
    }

    /** Whether the run records snapshots, and the baseline's it compares with. */
    public Snapshots snapshots() {
        return snapshots;
    }

    /** The checks of the runner's last run, or null when every probe is bound afresh. */
    BoundChecks boundChecks() {
        return boundChecks;
    }

    /** The probe kinds visible to {@code loader}, found once for the runner's runs. */
    ProbeKinds kinds(ClassLoader loader) {
        return kinds.of(loader);
    }

    /**
     * Ends the run as soon as possible: running probes are abandoned (their processes killed),
     * the rest are skipped, and the results are marked interrupted. Safe from any thread.
     */
    public void interrupt() {
        interrupted.set(true);
    }

    public boolean isInterrupted() {
        return interrupted.get();
    }

    void markTimedOut() {
        timedOut.set(true);
    }

    /** True when the run's own deadline expired. */
    public boolean isTimedOut() {
        return timedOut.get();
    }
}
