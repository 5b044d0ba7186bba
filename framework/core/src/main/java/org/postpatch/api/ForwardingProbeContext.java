package org.postpatch.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * A {@link ProbeContext} that hands every call to another one: the base of contexts that add to
 * the attempt's own (a ready HTTP request, a browser) and leave the rest as it is.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class ForwardingProbeContext implements ProbeContext {

    /** The context every call goes to, usually the attempt's own. */
    protected abstract ProbeContext delegate();

    @Override
    public String probeId() {
        return delegate().probeId();
    }

    @Override
    public String suite() {
        return delegate().suite();
    }

    @Override
    public String target() {
        return delegate().target();
    }

    @Override
    public int attempt() {
        return delegate().attempt();
    }

    @Override
    public Duration timeout() {
        return delegate().timeout();
    }

    @Override
    public Duration remaining() {
        return delegate().remaining();
    }

    @Override
    public Optional<String> variable(String name) {
        return delegate().variable(name);
    }

    @Override
    public String resolve(String template) {
        return delegate().resolve(template);
    }

    @Override
    public void onCancel(Runnable action) {
        delegate().onCancel(action);
    }

    @Override
    public <T extends AutoCloseable> T shared(Class<T> key, Supplier<? extends T> factory) {
        return delegate().shared(key, factory);
    }

    @Override
    public Path attachments() {
        return delegate().attachments();
    }

    @Override
    public void secret(String value) {
        delegate().secret(value);
    }

    @Override
    public String redact(String text) {
        return delegate().redact(text);
    }

    @Override
    public boolean recordsSnapshot() {
        return delegate().recordsSnapshot();
    }

    @Override
    public Optional<String> baselineSnapshot() {
        return delegate().baselineSnapshot();
    }

    @Override
    public Optional<String> baselineRunId() {
        return delegate().baselineRunId();
    }
}
