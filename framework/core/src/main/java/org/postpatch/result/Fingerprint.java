package org.postpatch.result;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the run ran on: application version, JVM, operating system, jars and an operator's patch id.
 * Kept as named facts so that two fingerprints can be compared fact by fact.
 */
public record Fingerprint(Map<String, String> facts) {

    public Fingerprint {
        facts = Map.copyOf(Objects.requireNonNull(facts, "facts"));
    }

    public String get(String fact) {
        return facts.get(fact);
    }

    /** The facts sorted by name, for stable output. */
    public Map<String, String> sorted() {
        return new TreeMap<>(facts);
    }
}
