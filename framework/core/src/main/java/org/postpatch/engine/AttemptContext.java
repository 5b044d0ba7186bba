package org.postpatch.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.postpatch.api.ProbeContext;
import org.postpatch.model.ProbeDefinition;
import org.postpatch.model.Suite;
import org.postpatch.secret.Redactor;

/** The {@link ProbeContext} of one attempt of one probe. */
final class AttemptContext implements ProbeContext {

    private final Suite suite;
    private final ProbeDefinition probe;
    private final String target;
    private final int attempt;
    private final Duration timeout;
    private final long startNanos;
    private final Map<String, String> captures;
    private final Redactor redactor;
    private final SharedResources shared;
    private final Path attachmentRoot;
    private final Snapshots snapshots;
    private final List<Runnable> cancelActions = new ArrayList<>();
    private boolean cancelled;

    AttemptContext(Suite suite, ProbeDefinition probe, String target, int attempt, Duration timeout,
                   Map<String, String> captures, Redactor redactor, SharedResources shared, Path attachmentRoot,
                   Snapshots snapshots) {
        this.suite = suite;
        this.probe = probe;
        this.target = target;
        this.attempt = attempt;
        this.timeout = timeout;
        this.startNanos = System.nanoTime();
        this.captures = captures;
        this.redactor = redactor;
        this.shared = shared;
        this.attachmentRoot = attachmentRoot;
        this.snapshots = snapshots;
    }

    @Override
    public String probeId() {
        return probe.id();
    }

    @Override
    public String suite() {
        return suite.name();
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public Duration remaining() {
        Duration left = timeout.minusNanos(System.nanoTime() - startNanos);
        return left.isNegative() ? Duration.ZERO : left;
    }

    @Override
    public Optional<String> variable(String name) {
        try {
            return Optional.of(suite.variables().value(name, captures, redactor::add));
        } catch (IllegalArgumentException | IllegalStateException unknown) {
            return Optional.empty();
        }
    }

    @Override
    public String resolve(String template) {
        return suite.variables().resolve(template, captures, redactor::add);
    }

    @Override
    public void onCancel(Runnable action) {
        boolean runNow;
        synchronized (cancelActions) {
            runNow = cancelled;
            if (!runNow) {
                cancelActions.add(action);
            }
        }
        if (runNow) {
            runQuietly(action);
        }
    }

    /** Runs the registered cancel actions, once. */
    void cancel() {
        List<Runnable> actions;
        synchronized (cancelActions) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            actions = new ArrayList<>(cancelActions);
        }
        actions.forEach(AttemptContext::runQuietly);
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException ignored) {
            // A failing clean-up must not stop the other clean-ups.
        }
    }

    @Override
    public <T extends AutoCloseable> T shared(Class<T> key, Supplier<? extends T> factory) {
        return shared.get(key, factory);
    }

    @Override
    public Path attachments() {
        Path folder = attachmentRoot.resolve(safe(suite.name())).resolve(safe(probe.id()));
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the attachment folder " + folder + ": " + e.getMessage(), e);
        }
        return folder;
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    @Override
    public void secret(String value) {
        redactor.add(value);
    }

    @Override
    public String redact(String text) {
        return redactor.redact(text);
    }

    @Override
    public boolean recordsSnapshot() {
        return snapshots.record();
    }

    @Override
    public Optional<String> baselineSnapshot() {
        return snapshots.of(suite.name(), probe.id());
    }

    @Override
    public Optional<String> baselineRunId() {
        return snapshots.baselineRunId(suite.name());
    }
}
