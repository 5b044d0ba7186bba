package org.postpatch.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * What a running probe can ask of postpatch: its variables, its time budget, resources shared by the
 * whole run, and a place for attachments. One context per attempt.
 */
@API(status = STABLE, since = "0.1")
public interface ProbeContext {

    /** The id of the running probe. */
    String probeId();

    /** The name of the suite the probe belongs to. */
    String suite();

    /** The label of the target being tested (defaults to the host name). */
    String target();

    /** 1 for the first attempt, 2 for the first retry, and so on. */
    int attempt();

    /** How long this attempt may take in all. */
    Duration timeout();

    /** How much of {@link #timeout()} is left; never negative. */
    Duration remaining();

    /**
     * A variable: the suite's {@code vars} (after {@code --var} overrides) and values captured by the
     * probes this one needs. Secrets are returned in clear; they are still redacted from all output.
     */
    Optional<String> variable(String name);

    /** Replaces {@code ${...}} references in a text, exactly as in a probe file. */
    String resolve(String template);

    /**
     * Registers what to do if this attempt is abandoned (timeout, the run's deadline, Ctrl-C), such
     * as killing a child process. Called at most once, from another thread.
     */
    void onCancel(Runnable action);

    /**
     * A resource shared by all probes of this run, created on first use and closed when the run ends
     * (one HTTP client, one browser). The key is usually the resource's class.
     */
    <T extends AutoCloseable> T shared(Class<T> key, Supplier<? extends T> factory);

    /** A folder for files attached to results, such as screenshots. Created on demand. */
    Path attachments();

    /** Marks a value as secret: it is replaced by {@code ****} in every output from now on. */
    void secret(String value);

    /** The text with every known secret replaced by {@code ****}. */
    String redact(String text);

    /**
     * True when this run records snapshots (a baseline; every embedded self-test, since any of them
     * may be the baseline of the next patch): a probe that keeps one attaches what it observed to its
     * outcome ({@link Outcome#withSnapshot}), and postpatch samples it a second time to learn what
     * differs between two answers ({@link org.postpatch.spi.Check#sampledTwice}).
     */
    default boolean recordsSnapshot() {
        return false;
    }

    /**
     * The snapshot this probe recorded in the baseline this run is judged against, to compare with
     * what it observes now; empty without a baseline, or when the baseline recorded none for it.
     */
    default Optional<String> baselineSnapshot() {
        return Optional.empty();
    }

    /** The id of the baseline run this run is judged against, when it is known before the run; else empty. */
    default Optional<String> baselineRunId() {
        return Optional.empty();
    }
}
