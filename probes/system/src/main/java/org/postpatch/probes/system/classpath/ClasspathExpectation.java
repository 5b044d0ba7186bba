package org.postpatch.probes.system.classpath;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.postpatch.probes.system.version.VersionRange;
import org.postpatch.spi.Spec;

/**
 * What a {@code classpath} probe declares: an artifact (every copy in a version range), a class that
 * must be loadable, or either that must be absent; searched in this JVM or in jars under {@code path}.
 */
record ClasspathExpectation(Optional<Coordinates> artifact, Optional<VersionRange> version, Optional<String> className,
                            boolean present, Optional<Path> path) {

    private static final Pattern CLASS_NAME =
            Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

    /** Reads a {@code classpath} block; empty when a problem was reported. */
    static Optional<ClasspathExpectation> read(Spec spec) {
        if (!spec.isMap()) {
            spec.problem("expected a map with 'artifact' or 'class', found " + spec.describeType());
            return Optional.empty();
        }
        Optional<Coordinates> artifact = artifact(spec);
        Optional<VersionRange> version = spec.parsed("version", VersionRange::parse);
        Optional<String> className = className(spec);
        boolean present = spec.bool("present", true);
        Optional<Path> path = spec.optionalString("path").map(Path::of);
        if (!spec.isSet("artifact") && !spec.isSet("class")) {
            spec.problem("missing 'artifact' (groupId:artifactId, like org.apache.logging.log4j:log4j-core)"
                    + " or 'class' (a class name, like org.postgresql.Driver)");
        }
        if (spec.isSet("version") && !spec.isSet("artifact")) {
            spec.problem("version", "a version needs 'artifact' (groupId:artifactId): a class has no version");
        }
        if (spec.isSet("version") && !present) {
            spec.problem("version", "a version cannot be combined with present: false;"
                    + " to forbid old copies, require the good ones, like version: \">=2.17.1\"");
        }
        if (spec.hasProblems()) {
            return Optional.empty();
        }
        return Optional.of(new ClasspathExpectation(artifact, version, className, present, path));
    }

    private static Optional<Coordinates> artifact(Spec spec) {
        Optional<String> text = spec.optionalString("artifact");
        if (text.isEmpty() || spec.isDeferred("artifact")) {
            return text.map(deferred -> new Coordinates("deferred", "deferred"));
        }
        Optional<Coordinates> coordinates = Coordinates.parse(text.get());
        if (coordinates.isEmpty()) {
            spec.problem("artifact", "expected groupId:artifactId, like org.apache.logging.log4j:log4j-core, found '"
                    + text.get() + "'" + (text.get().split(":").length > 2 ? "; put the version in 'version'" : ""));
        }
        return coordinates;
    }

    private static Optional<String> className(Spec spec) {
        Optional<String> text = spec.optionalString("class").map(String::trim);
        if (text.isPresent() && !spec.isDeferred("class") && !CLASS_NAME.matcher(text.get()).matches()) {
            spec.problem("class", "expected a class name like org.postgresql.Driver, found '" + text.get() + "'");
            return Optional.empty();
        }
        return text;
    }

    /** Every way the findings differ from this expectation. */
    List<String> mismatches(Findings found) {
        List<String> mismatches = new ArrayList<>();
        artifact.ifPresent(coordinates -> artifactMismatch(coordinates, found).ifPresent(mismatches::add));
        className.ifPresent(name -> classMismatch(name, found).ifPresent(mismatches::add));
        return mismatches;
    }

    /** What was found, for a passing probe: "found g:a 2.17.2 (lib/x.jar); class X is in lib/y.jar". */
    String describe(Findings found) {
        List<String> parts = new ArrayList<>();
        artifact.ifPresent(coordinates -> parts.add(found.copies().isEmpty()
                ? coordinates + " is not " + found.where() + ", as expected"
                : "found " + coordinates + " " + copies(found)));
        className.ifPresent(name -> parts.add(found.classLocation().isPresent()
                ? found.classFound(name)
                : "class " + name + " is not " + found.where() + ", as expected"));
        return String.join("; ", parts);
    }

    private Optional<String> artifactMismatch(Coordinates coordinates, Findings found) {
        if (found.copies().isEmpty()) {
            return present ? Optional.of(coordinates + " is not " + found.where()) : Optional.empty();
        }
        if (!present) {
            return Optional.of("found " + coordinates + " " + copies(found) + "; expected it to be absent");
        }
        boolean outOfRange = version.isPresent() && found.copies().stream()
                .anyMatch(copy -> copy.parsedVersion().map(v -> !version.get().contains(v)).orElse(true));
        return outOfRange ? Optional.of("found " + coordinates + " " + copies(found) + "; expected " + version.get())
                : Optional.empty();
    }

    private Optional<String> classMismatch(String name, Findings found) {
        if (found.classProblem().isPresent()) {
            return present ? Optional.of("class " + name + " is there but cannot be loaded: " + found.classProblem().get())
                    : Optional.empty();
        }
        if (found.classLocation().isEmpty()) {
            return present ? Optional.of("class " + name + " is not " + found.where()) : Optional.empty();
        }
        return present ? Optional.empty() : Optional.of(found.classFound(name) + "; expected it to be absent");
    }

    /** "2.14.1 (lib/a.jar) and 2.17.2 (lib/b.jar)". */
    private static String copies(Findings found) {
        List<String> each = found.copies().stream().map(ArtifactCopy::toString).toList();
        if (each.size() == 1) {
            return each.get(0);
        }
        return String.join(", ", each.subList(0, each.size() - 1)) + " and " + each.get(each.size() - 1);
    }
}
