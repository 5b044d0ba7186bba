package org.postpatch.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.postpatch.spi.ProbeKinds;

/**
 * The probe kinds a runner found, kept across its runs and loaded again only for another class
 * loader: finding them with {@link java.util.ServiceLoader} makes every kind on the classpath each
 * time, and kinds are stateless.
 */
@API(status = INTERNAL, since = "0.1")
public final class LoadedKinds {

    private ClassLoader loader;
    private ProbeKinds kinds;

    /** The kinds visible to {@code loader}. */
    public synchronized ProbeKinds of(ClassLoader loader) {
        if (kinds == null || this.loader != loader) {
            kinds = ProbeKinds.load(loader);
            this.loader = loader;
        }
        return kinds;
    }
}
