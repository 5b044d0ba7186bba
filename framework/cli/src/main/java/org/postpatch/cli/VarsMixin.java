package org.postpatch.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.postpatch.config.Suggestions;
import org.postpatch.methods.JavaProbeKind;
import org.postpatch.model.Suite;
import picocli.CommandLine.Option;

/** {@code --var NAME=VALUE}, overriding a suite's variables. */
public final class VarsMixin {

    @Option(names = "--var", paramLabel = "NAME=VALUE",
            description = "Overrides a suite variable (repeatable). The value is taken literally.")
    Map<String, String> vars = new LinkedHashMap<>();

    /**
     * Refuses a {@code --var} that no loaded suite can use, so that a typo ({@code --var bsae=...})
     * does not silently test the default target. A name is known when a loaded file declares it in
     * {@code vars} or uses it as {@code ${name}}, or a probe captures it. When a suite has Java probes, which may read any name, an
     * unknown one is only warned about. Never prints a value: it may be a secret.
     *
     * @throws BadInputException naming the first unknown variable
     */
    void checkKnown(List<Suite> suites, Output output) {
        Set<String> known = new TreeSet<>();
        suites.forEach(suite -> known.addAll(suite.settableNames()));
        boolean javaProbes = suites.stream().flatMap(suite -> suite.probes().stream())
                .anyMatch(probe -> probe.kind().equals(JavaProbeKind.NAME));
        for (String name : vars.keySet()) {
            if (known.contains(name)) {
                continue;
            }
            String suggestion = Suggestions.didYouMean(name, known);
            if (javaProbes) {
                output.error("warning: --var " + name + ": no probe file declares or captures '" + name
                        + "'; only a Java probe can read it" + suggestion);
            } else {
                throw new BadInputException("--var " + name + ": no variable '" + name + "' in the probe files"
                        + suggestion + "; known: " + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
        }
    }
}
