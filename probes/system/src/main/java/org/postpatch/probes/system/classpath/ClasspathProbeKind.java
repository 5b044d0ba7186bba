package org.postpatch.probes.system.classpath;

import java.util.Optional;
import org.postpatch.spi.Binding;
import org.postpatch.spi.Key;
import org.postpatch.spi.ProbeKind;
import org.postpatch.spi.Shape;
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

    private static final Shape DECLARATION = Shape.block(
            Key.optional("artifact", Shape.string().documentedAs("`groupId:artifactId`"),
                    "The artifact to look for. `artifact` or `class` (or both) is required."),
            Key.optional("version", Shape.string().documentedAs("version range"),
                    "Every copy found must be in this range. Needs `artifact`; not allowed with `present: false`."),
            Key.optional("class", Shape.string().documentedAs("class name"), "A class that must be loadable."),
            Key.optional("present", Shape.bool(), "`true`", "`false`: the artifact or class must not be there."),
            Key.optional("path", Shape.string().documentedAs("path"), "this JVM's classpath",
                    "Search these jars instead: a folder (searched recursively for `.jar`, `.war` and `.ear`), a jar, or a"
                            + " Spring Boot fat jar or a war, including the jars nested in it (`BOOT-INF/lib`, `WEB-INF/lib`)."));

    @Override
    public String name() {
        return "classpath";
    }

    @Override
    public Optional<Shape> declaration() {
        return Optional.of(DECLARATION);
    }

    @Override
    public Binding bind(Spec spec) {
        return ClasspathExpectation.read(spec).<Binding>map(expected -> Binding.of(new ClasspathCheck(expected, loader())))
                .orElseGet(Binding::invalid);
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
