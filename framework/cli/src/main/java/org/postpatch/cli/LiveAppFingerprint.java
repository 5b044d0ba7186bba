package org.postpatch.cli;

import java.time.Instant;
import java.util.function.Supplier;
import org.postpatch.process.JvmProcess;
import org.postpatch.process.ProcessProblem;
import org.postpatch.result.Fingerprint;

/**
 * {@code serve --app-port} (or {@code --app-pid}): the application process's fingerprint, read
 * again when another process answers — the application restarted, with a new pid or start time —
 * and kept while it is the same process, so the endpoint always serves the facts of the process
 * running now. When there is none, {@link #get()} throws with the reason.
 */
final class LiveAppFingerprint implements Supplier<Fingerprint> {

    private final AppProcessOption app;
    private long pid;
    private Instant startedAt;
    private Fingerprint fingerprint;

    LiveAppFingerprint(AppProcessOption app) {
        this.app = app;
    }

    @Override
    public synchronized Fingerprint get() {
        long now = app.currentPid();
        Instant started;
        try {
            started = JvmProcess.startedAt(now);
        } catch (ProcessProblem gone) {
            throw new BadInputException(app.given(true) + ": " + gone.getMessage());
        }
        if (fingerprint == null || now != pid || !started.equals(startedAt)) {
            fingerprint = app.read(now);
            pid = now;
            startedAt = started;
        }
        return fingerprint;
    }
}
