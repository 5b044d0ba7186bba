package org.postpatch.probes.system.jvm;

import java.util.Optional;
import org.postpatch.spi.Binding;
import org.postpatch.spi.Key;
import org.postpatch.spi.ProbeKind;
import org.postpatch.spi.Shape;
import org.postpatch.spi.Spec;

/**
 * The {@code jvm} kind: the running JVM, or the one at {@code home}, has the expected version,
 * vendor and system properties.
 * <pre>{@code
 * - id: jvm
 *   jvm: { version: ">=17.0.10", vendor: Adoptium, properties: { file.encoding: UTF-8 } }
 * }</pre>
 */
public final class JvmProbeKind implements ProbeKind {

    private static final Shape DECLARATION = Shape.block(
            Key.optional("version", Shape.string().documentedAs("version range"),
                    "`java.version` must be in this range; see [Version ranges](#version-ranges-jvm-classpath)."),
            Key.optional("vendor", Shape.string(), "`java.vendor` must contain it, ignoring case."),
            Key.optional("properties", Shape.mapOf(Shape.string()), "System properties that must have exactly these values."),
            Key.optional("home", Shape.string().documentedAs("path"), "the running JVM", "Check the JVM installed here instead."));

    @Override
    public String name() {
        return "jvm";
    }

    @Override
    public Optional<Shape> declaration() {
        return Optional.of(DECLARATION);
    }

    @Override
    public Binding bind(Spec spec) {
        return JvmExpectation.read(spec).<Binding>map(expected -> Binding.of(new JvmCheck(expected)))
                .orElseGet(Binding::invalid);
    }
}
