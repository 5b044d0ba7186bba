package org.postpatch.methods;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.postpatch.api.Probe;
import org.postpatch.config.ConfigNode;
import org.postpatch.config.Durations;
import org.postpatch.config.Problems;
import org.postpatch.config.SourceLocation;
import org.postpatch.model.LatencyTolerance;
import org.postpatch.model.ProbeDefinition;
import org.postpatch.model.RetryPolicy;

/**
 * Finds the {@code @Probe} methods of a class and declares them as probes of the {@code java} kind,
 * in method-name order (the JVM does not promise declaration order).
 */
@API(status = INTERNAL, since = "0.1")
public final class JavaProbes {

    private JavaProbes() {
    }

    /** True when the class (or a superclass) has a {@code @Probe} method. */
    public static boolean hasProbes(Class<?> type) {
        return !probeMethods(type).isEmpty();
    }

    /**
     * The probes declared by {@code type}. {@code defaults} supplies the timeout and retry for
     * attributes left empty. Problems (a bad duration, a wrong signature) go to {@code problems}.
     */
    public static List<ProbeDefinition> declaredBy(Class<?> type, SourceLocation location, Duration defaultTimeout,
                                                   RetryPolicy defaultRetry, Problems problems) {
        ContextProviders providers = ContextProviders.load(JavaProbeKind.loader());
        List<ProbeDefinition> probes = new ArrayList<>();
        for (Method method : probeMethods(type)) {
            Probe probe = method.getAnnotation(Probe.class);
            String id = probe.id().isEmpty() ? method.getName() : probe.id();
            String where = type.getSimpleName() + "." + method.getName();
            String signature = JavaProbeKind.signatureProblem(method, providers);
            if (signature != null) {
                problems.add(location, id, signature);
                continue;
            }
            Duration timeout = probe.timeout().isEmpty() ? defaultTimeout
                    : duration(probe.timeout(), where + " timeout", location, id, problems);
            RetryPolicy retry = defaultRetry;
            if (!probe.retry().until().isEmpty()) {
                Duration until = duration(probe.retry().until(), where + " retry until", location, id, problems);
                Duration every = duration(probe.retry().every(), where + " retry every", location, id, problems);
                retry = every.isZero() ? defaultRetry : new RetryPolicy(until, every);
            }
            Map<String, ConfigNode.Entry> spec = new LinkedHashMap<>();
            spec.put("class", new ConfigNode.Entry(location, ConfigNode.string(location, type.getName())));
            spec.put("method", new ConfigNode.Entry(location, ConfigNode.string(location, method.getName())));
            probes.add(new ProbeDefinition(id, JavaProbeKind.NAME, ConfigNode.map(location, spec),
                    List.of(probe.needs()), probe.severity(), timeout, retry,
                    new LinkedHashSet<>(List.of(probe.tags())), location, java.util.Set.of(), LatencyTolerance.DEFAULT));
        }
        return probes;
    }

    private static Duration duration(String text, String what, SourceLocation location, String id, Problems problems) {
        return Durations.parse(text).orElseGet(() -> {
            problems.add(location, id, what + ": expected " + Durations.EXPECTED + ", found '" + text + "'");
            return Duration.ZERO;
        });
    }

    private static List<Method> probeMethods(Class<?> type) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            Arrays.stream(current.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(Probe.class) && !m.isSynthetic())
                    .filter(m -> methods.stream().noneMatch(known -> known.getName().equals(m.getName())))
                    .forEach(methods::add);
        }
        methods.sort(Comparator.comparing(Method::getName));
        return methods;
    }
}
