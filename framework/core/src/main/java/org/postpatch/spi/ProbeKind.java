package org.postpatch.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A kind of probe, selected in a probe file by its {@link #name()} as a key:
 * <pre>{@code
 * - id: db-port
 *   tcp: { host: localhost, port: 5432 }
 * }</pre>
 * Implementations are found with {@link java.util.ServiceLoader}; names are unique, and a duplicate
 * fails at start-up naming both providers. A kind is stateless: everything a probe needs is read from
 * its {@link Spec} into the returned {@link Binding}'s {@link Check}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ProbeKind {

    /** The key that selects this kind in a probe file, such as {@code tcp}. */
    String name();

    /**
     * Reads and validates this kind's block, reporting every problem through the spec (with its
     * location). Called twice per probe, as {@link Spec#stage()} tells: once when the files are
     * validated, where values captured by other probes are not known yet ({@link Spec#isDeferred}),
     * and again just before the probe runs, with every value known.
     *
     * @return the check to run, or {@link Binding#invalid()} after reporting a problem
     */
    Binding bind(Spec spec);

    /**
     * This kind's block: its keys, their types, defaults and meanings. A spec lets the kind read only
     * declared keys and reports the others as unknown; the JSON Schema for probe files and the kind's
     * key table are generated from it. Empty (the default) for a kind that declares nothing: its block
     * is any map, and a key it does not read is unknown.
     */
    default Optional<Shape> declaration() {
        return Optional.empty();
    }

    /**
     * True when this kind's outcomes carry {@link org.postpatch.api.Outcome.Part parts} (like the
     * tests of a {@code junit} probe), so that the engine reports its probes as containers.
     */
    default boolean hasParts() {
        return false;
    }

    /**
     * True when a check this kind returned may run again, in a later run of the same probe, when its
     * block resolves to the same values: its checks keep no state of their own between runs. A
     * runner that runs many runs ({@code postpatch serve}, an embedded self-test) then binds such a
     * probe once rather than before every run. False by default.
     */
    default boolean checksReusable() {
        return false;
    }
}
