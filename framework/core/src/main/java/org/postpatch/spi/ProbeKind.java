package org.postpatch.spi;

/**
 * A kind of probe, selected in a probe file by its {@link #name()} as a key:
 * <pre>{@code
 * - id: db-port
 *   tcp: { host: localhost, port: 5432 }
 * }</pre>
 * Implementations are found with {@link java.util.ServiceLoader}; names are unique, and a duplicate
 * fails at start-up naming both providers. A kind is stateless: everything a probe needs is read from
 * its {@link Spec} into the returned {@link Check}.
 */
public interface ProbeKind {

    /** The key that selects this kind in a probe file, such as {@code tcp}. */
    String name();

    /**
     * Reads and validates this kind's block. Problems are reported through the spec (with their
     * location); when any was reported the returned check is never run.
     *
     * <p>Called once when files are validated, and again just before the probe runs, when values
     * captured by earlier probes are known.
     */
    Check bind(Spec spec);

    /**
     * True when this kind's outcomes carry {@link org.postpatch.api.Outcome.Part parts} (like the
     * tests of a {@code junit} probe), so that the engine reports its probes as containers.
     */
    default boolean hasParts() {
        return false;
    }
}
