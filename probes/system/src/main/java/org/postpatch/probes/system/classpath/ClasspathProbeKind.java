package org.postpatch.probes.system.classpath;

import org.postpatch.spi.Check;
import org.postpatch.spi.ProbeKind;
import org.postpatch.spi.Spec;

/**
 * The {@code classpath} kind: an artifact is there at an acceptable version (every copy of it), or
 * absent; a class is loadable. Searches this JVM's classpath, or the jars under {@code path}.
 * <pre>{@code
 * - id: log4j-patched
 *   classpath: { artifact: org.apache.logging.log4j:log4j-core, version: ">=2.17.1" }
 * }</pre>
 */
public final class ClasspathProbeKind implements ProbeKind {

    @Override
    public String name() {
        return "classpath";
    }

    @Override
    public Check bind(Spec spec) {
        return ClasspathExpectation.read(spec).map(expected -> new ClasspathCheck(expected, loader())).orElse(null);
    }

    /**
     * The application's class loader: the thread's context loader while binding (as for Java probes),
     * or else the one that loaded postpatch, which in a fat jar or a war is the application's too.
     */
    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ClasspathProbeKind.class.getClassLoader();
    }
}
