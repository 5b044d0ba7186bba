package org.postpatch.spi;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The probe kinds available in this process, found with {@link ServiceLoader} and keyed by name.
 * Two providers of the same name fail at start-up, naming both.
 */
@API(status = INTERNAL, since = "0.1")
public final class ProbeKinds {

    private final Map<String, ProbeKind> byName;

    private ProbeKinds(Map<String, ProbeKind> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** The kinds visible to {@code loader}. */
    public static ProbeKinds load(ClassLoader loader) {
        Map<String, ProbeKind> found = new LinkedHashMap<>();
        try {
            for (ProbeKind kind : ServiceLoader.load(ProbeKind.class, loader)) {
                register(found, kind);
            }
        } catch (ServiceConfigurationError broken) {
            throw new IllegalStateException("a probe kind could not be loaded: " + broken.getMessage(), broken);
        }
        return new ProbeKinds(found);
    }

    /** Exactly these kinds, for tests and embedding. */
    public static ProbeKinds of(ProbeKind... kinds) {
        Map<String, ProbeKind> found = new LinkedHashMap<>();
        for (ProbeKind kind : kinds) {
            register(found, kind);
        }
        return new ProbeKinds(found);
    }

    private static void register(Map<String, ProbeKind> found, ProbeKind kind) {
        ProbeKind earlier = found.putIfAbsent(kind.name(), kind);
        if (earlier != null) {
            throw new IllegalStateException("two probe kinds are named '" + kind.name() + "': "
                    + earlier.getClass().getName() + " and " + kind.getClass().getName()
                    + "; remove one of them from the classpath");
        }
    }

    public Optional<ProbeKind> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The names of all kinds, sorted. */
    public Set<String> names() {
        return new TreeSet<>(byName.keySet());
    }
}
