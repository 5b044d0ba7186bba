package org.postpatch.embedded;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.postpatch.result.Fingerprint;

/**
 * The fingerprint the target runs on now. Read again from the source each time — a stand-alone
 * server's target may have restarted — and the last one read is kept while the source cannot tell.
 */
final class TargetFingerprint {

    private final Supplier<Fingerprint> source;
    private final Consumer<String> warn;
    private volatile Fingerprint last;

    TargetFingerprint(Supplier<Fingerprint> source, Consumer<String> warn) {
        this.source = source;
        this.warn = warn;
    }

    /**
     * Reads the fingerprint again; while it cannot be read, warns and keeps the last one.
     *
     * @throws RuntimeException when it cannot be read and never could
     */
    Fingerprint read() {
        try {
            last = source.get();
        } catch (RuntimeException unreadable) {
            if (last == null) {
                throw unreadable;
            }
            warn.accept("the fingerprint could not be read again (" + unreadable.getMessage() + "); the last one read is kept");
        }
        return last;
    }

    /** The fingerprint now, once it was first read; empty before. */
    Optional<Fingerprint> known() {
        return last == null ? Optional.empty() : Optional.of(read());
    }
}
