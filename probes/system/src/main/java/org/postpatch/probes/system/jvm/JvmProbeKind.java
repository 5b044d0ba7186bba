package org.postpatch.probes.system.jvm;

import org.postpatch.spi.Check;
import org.postpatch.spi.ProbeKind;
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

    @Override
    public String name() {
        return "jvm";
    }

    @Override
    public Check bind(Spec spec) {
        return JvmExpectation.read(spec).map(JvmCheck::new).orElse(null);
    }
}
