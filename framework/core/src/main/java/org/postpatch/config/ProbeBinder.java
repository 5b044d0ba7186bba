package org.postpatch.config;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.postpatch.model.ProbeDefinition;
import org.postpatch.spi.Binding;
import org.postpatch.spi.Check;
import org.postpatch.spi.ProbeKind;
import org.postpatch.spi.ProbeKinds;
import org.postpatch.spi.Spec;

/**
 * Binds a probe to its kind: puts values in for the {@code ${...}} references of its block and hands
 * the block to {@link ProbeKind#bind}. The one place where a kind reads a probe, twice per probe:
 * when the files are validated, with the values captured by earlier probes not known yet
 * ({@link #validate}), and just before the probe runs, with them ({@link #bind}) — unless the
 * runner's last run bound it from the same values and its kind's checks may run again
 * ({@link ProbeKind#checksReusable()}, {@link BoundChecks}).
 */
public final class ProbeBinder {

    private final ProbeKinds kinds;
    private final Variables variables;
    private final Consumer<String> secrets;
    private final BoundChecks reusable;

    /**
     * @param variables the suite's variables
     * @param secrets   hears every secret value put in, so that output never shows it
     */
    public ProbeBinder(ProbeKinds kinds, Variables variables, Consumer<String> secrets) {
        this(kinds, variables, secrets, null);
    }

    /** @param reusable the checks of the runner's last run, to bind a probe again only when it changed; null for none */
    public ProbeBinder(ProbeKinds kinds, Variables variables, Consumer<String> secrets, BoundChecks reusable) {
        this.kinds = kinds;
        this.variables = variables;
        this.secrets = secrets;
        this.reusable = reusable;
    }

    /**
     * Binds at validation: a reference that cannot be resolved is a problem, one to a value that a
     * probe it needs captures ({@code captures}) is left for the run (the kind sees it deferred).
     *
     * @return the binding ({@link Binding#invalid()} when the kind refused the probe or failed reading it,
     *         with a problem)
     */
    Binding validate(ProbeDefinition probe, Set<String> captures, Problems problems) {
        ConfigNode checked = probe.spec().mapStrings(string -> {
            if (!Variables.hasReferences(string.text())) {
                return string;
            }
            boolean[] deferred = new boolean[1];
            String problem = variables.check(string.text(), captures, deferred);
            if (problem != null) {
                problems.add(string.location(), problem);
                return string.asDeferred();
            }
            if (deferred[0]) {
                return string.asDeferred();
            }
            return ConfigNode.resolved(string.location(), variables.parts(string.text(), Map.of(), secrets));
        });
        try {
            Binding binding = bindKind(probe.kind(), checked, problems, Spec::forValidation);
            return binding == null ? Binding.invalid() : binding;
        } catch (RuntimeException broken) {
            problems.add(checked.location(), "the " + probe.kind() + " kind could not read this probe: " + broken);
            return Binding.invalid();
        }
    }

    /**
     * Binds to run, every reference resolved with the values captured by the probes it needs.
     *
     * @throws IllegalArgumentException when a reference cannot be resolved, or the block is invalid
     *                                  once resolved (naming the first problem)
     * @throws IllegalStateException    when the probe's kind is not on the classpath
     */
    public Check bind(ProbeDefinition probe, Map<String, String> captures) {
        // Every reference is resolved on each run (a secret read again is registered again); what
        // was put in decides whether the check bound last time still stands.
        List<List<TextPart>> values = new ArrayList<>();
        resolve(probe.spec(), captures, values);
        ProbeKind kind = kind(probe.kind());
        boolean reuse = reusable != null && kind.checksReusable();
        Check earlier = reuse ? reusable.get(probe.spec(), kind, values) : null;
        if (earlier != null) {
            return earlier;
        }
        Iterator<List<TextPart>> resolvedInOrder = values.iterator();
        ConfigNode resolved = probe.spec().mapStrings(string -> Variables.hasReferences(string.text())
                ? ConfigNode.resolved(string.location(), resolvedInOrder.next()) : string);
        Problems problems = new Problems();
        Binding binding = bindKind(probe.kind(), resolved, problems, Spec::forRun);
        Check check = binding == null ? null : binding.check().orElse(null);
        if (!problems.isEmpty() || check == null) {
            String first = problems.isEmpty() ? "the kind refused the probe" : problems.all().get(0).message();
            throw new IllegalArgumentException("invalid once its variables were resolved: " + first
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        }
        if (reuse) {
            reusable.put(probe.spec(), kind, values, check);
        }
        return check;
    }

    /**
     * Resolves each string of {@code node} with references, adding what was put in for them to
     * {@code values}, in the order {@link ConfigNode#mapStrings} visits them.
     */
    private void resolve(ConfigNode node, Map<String, String> captures, List<List<TextPart>> values) {
        switch (node.type()) {
            case STRING -> {
                if (Variables.hasReferences(node.text())) {
                    values.add(variables.parts(node.text(), captures, secrets));
                }
            }
            case MAP -> node.entries().values().forEach(entry -> resolve(entry.value(), captures, values));
            case LIST -> node.items().forEach(item -> resolve(item, captures, values));
            default -> {
                // Numbers, booleans and nulls hold no references.
            }
        }
    }

    /** How the block is read: {@link Spec#forValidation} or {@link Spec#forRun}. */
    private interface Stage {
        Spec spec(ProbeKind kind, ConfigNode block, Problems problems);
    }

    /** The kind reads its block; afterwards every key it did not read is reported as unknown. */
    private Binding bindKind(String kindName, ConfigNode block, Problems problems, Stage stage) {
        ProbeKind kind = kind(kindName);
        Spec spec = stage.spec(kind, block, problems);
        Binding binding = kind.bind(spec);
        spec.finish();
        return binding;
    }

    private ProbeKind kind(String name) {
        return kinds.get(name).orElseThrow(() -> new IllegalStateException("no probe kind '" + name + "' on the classpath"));
    }
}
