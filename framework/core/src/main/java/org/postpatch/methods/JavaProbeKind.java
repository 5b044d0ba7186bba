package org.postpatch.methods;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.postpatch.api.Outcome;
import org.postpatch.api.ProbeContext;
import org.postpatch.engine.Failures;
import org.postpatch.spi.Binding;
import org.postpatch.spi.ContextProvider;
import org.postpatch.spi.Key;
import org.postpatch.spi.ProbeKind;
import org.postpatch.spi.Shape;
import org.postpatch.spi.Spec;

/**
 * The {@code java} kind: calls a method, usually one annotated {@code @Probe}.
 * <pre>{@code
 * - id: create-order
 *   java: { class: com.acme.orders.OrderProbes, method: createOrder }
 * }</pre>
 * Suites usually name classes ({@code classes: [com.acme.orders.OrderProbes]}) instead, and every
 * {@code @Probe} method in them becomes a probe of this kind. A new instance is made per attempt.
 */
@API(status = INTERNAL, since = "0.1")
public final class JavaProbeKind implements ProbeKind {

    public static final String NAME = "java";

    @Override
    public String name() {
        return NAME;
    }

    private static final Shape DECLARATION = Shape.block(
            Key.required("class", Shape.string().documentedAs("class name"),
                    "The class holding the method, such as `com.acme.orders.OrderProbes`; a new instance per attempt."),
            Key.required("method", Shape.string().documentedAs("method name"),
                    "The method to call: it returns `void` or an `Outcome` and takes a `ProbeContext` or a context a probe module provides."));

    @Override
    public Optional<Shape> declaration() {
        return Optional.of(DECLARATION);
    }

    @Override
    public Binding bind(Spec spec) {
        String className = spec.string("class");
        String methodName = spec.string("method");
        if (spec.hasProblems()) {
            return Binding.invalid();
        }
        ClassLoader loader = loader();
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            spec.problem("class", "class " + className + " is not on the classpath");
            return Binding.invalid();
        }
        Optional<Method> method = findMethod(type, methodName);
        if (method.isEmpty()) {
            spec.problem("method", "no method '" + methodName + "' in " + className);
            return Binding.invalid();
        }
        ContextProviders providers = ContextProviders.load(loader);
        String problem = signatureProblem(method.get(), providers);
        if (problem != null) {
            spec.problem("method", problem);
            return Binding.invalid();
        }
        return Binding.of(context -> invoke(type, method.get(), providers, context));
    }

    static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : JavaProbeKind.class.getClassLoader();
    }

    static Optional<Method> findMethod(Class<?> type, String name) {
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            Optional<Method> found = Arrays.stream(current.getDeclaredMethods())
                    .filter(m -> m.getName().equals(name) && !m.isSynthetic())
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Why this method cannot be a probe, or null. */
    static String signatureProblem(Method method, ContextProviders providers) {
        Class<?> returns = method.getReturnType();
        if (returns != void.class && returns != Outcome.class) {
            return "probe method " + method.getName() + " must return void or Outcome, not " + returns.getSimpleName();
        }
        for (Class<?> parameter : method.getParameterTypes()) {
            if (parameter != ProbeContext.class && providers.forType(parameter).isEmpty()) {
                List<String> allowed = new ArrayList<>(List.of(ProbeContext.class.getSimpleName()));
                providers.types().forEach(t -> allowed.add(t.getSimpleName()));
                return "probe method " + method.getName() + " takes a " + parameter.getSimpleName()
                        + "; probe methods take only " + String.join(", ", allowed)
                        + " (is the probe module that provides it on the classpath?)";
            }
        }
        return null;
    }

    private static Outcome invoke(Class<?> type, Method method, ContextProviders providers, ProbeContext context)
            throws Exception {
        List<Provided> provided = new ArrayList<>();
        Outcome outcome;
        try {
            outcome = call(type, method, providers, context, provided);
        } catch (Exception | Error failure) {
            if (provided.isEmpty()) {
                throw failure;
            }
            outcome = Outcome.failed(Failures.describe(failure));
        }
        for (Provided value : provided) {
            outcome = value.provider().finish(value.value(), outcome);
        }
        return outcome;
    }

    /** A value a context provider gave to one call, to hand back to it afterwards. */
    private record Provided(ContextProvider provider, Object value) {
    }

    private static Outcome call(Class<?> type, Method method, ContextProviders providers, ProbeContext context,
                                List<Provided> provided) throws Exception {
        Object instance = null;
        if (!java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            instance = constructor.newInstance();
        }
        Class<?>[] types = method.getParameterTypes();
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] == ProbeContext.class) {
                arguments[i] = context;
            } else {
                ContextProvider provider = providers.forType(types[i]).orElseThrow();
                arguments[i] = provider.provide(context);
                provided.add(new Provided(provider, arguments[i]));
            }
        }
        method.setAccessible(true);
        try {
            Object returned = method.invoke(instance, arguments);
            return returned instanceof Outcome outcome ? outcome : Outcome.passed();
        } catch (InvocationTargetException thrown) {
            if (thrown.getCause() instanceof Exception exception) {
                throw exception;
            }
            if (thrown.getCause() instanceof Error error) {
                throw error;
            }
            throw thrown;
        }
    }
}
