package org.postpatch.methods;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.postpatch.spi.ContextProvider;

/** The richer context types available to Java probe methods, found with {@link ServiceLoader}. */
final class ContextProviders {

    private final Map<Class<?>, ContextProvider> byType;

    private ContextProviders(Map<Class<?>, ContextProvider> byType) {
        this.byType = byType;
    }

    static ContextProviders load(ClassLoader loader) {
        Map<Class<?>, ContextProvider> found = new LinkedHashMap<>();
        for (ContextProvider provider : ServiceLoader.load(ContextProvider.class, loader)) {
            ContextProvider earlier = found.putIfAbsent(provider.type(), provider);
            if (earlier != null && !earlier.getClass().equals(provider.getClass())) {
                throw new IllegalStateException("two context providers supply " + provider.type().getName() + ": "
                        + earlier.getClass().getName() + " and " + provider.getClass().getName());
            }
        }
        return new ContextProviders(found);
    }

    Optional<ContextProvider> forType(Class<?> type) {
        return Optional.ofNullable(byType.get(type));
    }

    Iterable<Class<?>> types() {
        return byType.keySet();
    }
}
