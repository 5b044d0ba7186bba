package org.postpatch.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.postpatch.config.Variables;

/**
 * A validated suite: its name, the files it was read from, its variables and its probes in declared
 * order. A suite may span several files (includes, or several files naming the same suite).
 */
public record Suite(String name, List<String> files, Variables variables, List<ProbeDefinition> probes) {

    public Suite {
        Objects.requireNonNull(name, "name");
        files = List.copyOf(files);
        Objects.requireNonNull(variables, "variables");
        probes = List.copyOf(probes);
    }

    /**
     * The names a {@code --var} can set in this suite: the variables its files declare or refer to
     * with {@code ${name}}, and the values its probes capture. (A Java probe may read any name; those
     * cannot be listed.)
     */
    public Set<String> settableNames() {
        Set<String> names = new TreeSet<>(variables.declaredNames());
        names.addAll(variables.referencedNames());
        for (ProbeDefinition probe : probes) {
            names.addAll(probe.captures());
            probe.spec().mapStrings(string -> {
                names.addAll(Variables.references(string.text()));
                return string;
            });
        }
        return names;
    }

    public Optional<ProbeDefinition> probe(String id) {
        return probes.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
