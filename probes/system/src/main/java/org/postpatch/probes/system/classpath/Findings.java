package org.postpatch.probes.system.classpath;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What one search found: the copies of an artifact, where a class is (or why it cannot be loaded),
 * and the archives that could not be read.
 *
 * @param where         what was searched, for messages: "on the classpath of this JVM", "in /opt/app/lib (14 jars)"
 * @param loadsClasses  true when classes were really loaded (this JVM), false when only found in jars
 * @param classLocation where the class was found
 * @param classProblem  why a class that is there cannot be loaded
 */
record Findings(String where, boolean loadsClasses, List<ArtifactCopy> copies, Optional<String> classLocation,
                Optional<String> classProblem, List<String> unreadable) {

    Findings {
        copies = copies.stream().distinct()
                .sorted(Comparator.comparing((ArtifactCopy copy) -> copy.parsedVersion().orElse(null),
                                Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(ArtifactCopy::location))
                .toList();
        unreadable = List.copyOf(unreadable);
    }

    /** "class X is loadable from L" (this JVM) or "class X is in L" (jars on disk). */
    String classFound(String className) {
        return "class " + className + (loadsClasses ? " is loadable from " : " is in ") + classLocation.orElse("?");
    }
}
