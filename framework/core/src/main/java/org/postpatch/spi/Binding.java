package org.postpatch.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What {@link ProbeKind#bind} made of a probe's block: a {@link Check} ready to run, or nothing to
 * run because the block is invalid.
 *
 * <p>A kind that reported a problem through its {@link Spec} returns {@link #invalid()} (or
 * {@link #invalid(Set)}, to keep the names it would capture known, so that the probes needing it are
 * judged on their own problems and not on undefined variables). A reported problem always wins: a
 * check returned with it is never run. A kind never returns {@code invalid} without reporting why.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Binding {

    private static final Binding INVALID = new Binding(null, Set.of());

    private final Check check;
    private final Set<String> captures;

    private Binding(Check check, Set<String> captures) {
        this.check = check;
        this.captures = Set.copyOf(captures);
    }

    /** A valid block: this check runs the probe's attempts. */
    public static Binding of(Check check) {
        Objects.requireNonNull(check, "check (return Binding.invalid() after reporting a problem)");
        return new Binding(check, check.captures());
    }

    /** An invalid block: the problems were reported through the spec; nothing runs. */
    public static Binding invalid() {
        return INVALID;
    }

    /** An invalid block that would still capture these names for the probes that need it. */
    public static Binding invalid(Set<String> captures) {
        return new Binding(null, captures);
    }

    /** The check to run; empty when the block is invalid. */
    public Optional<Check> check() {
        return Optional.ofNullable(check);
    }

    /** True when there is nothing to run. */
    public boolean isInvalid() {
        return check == null;
    }

    /** The names of the values this probe captures for the probes that need it. */
    public Set<String> captures() {
        return captures;
    }

    @Override
    public String toString() {
        return check == null ? "Binding.invalid" + (captures.isEmpty() ? "" : captures) : "Binding.of(" + check + ")";
    }
}
