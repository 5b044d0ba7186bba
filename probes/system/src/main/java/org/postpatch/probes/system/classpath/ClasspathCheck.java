package org.postpatch.probes.system.classpath;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.postpatch.api.Outcome;
import org.postpatch.api.ProbeContext;
import org.postpatch.spi.Check;

/** One attempt of a {@code classpath} probe: search, then compare what was found with the expectation. */
record ClasspathCheck(ClasspathExpectation expected, ClassLoader loader) implements Check {

    @Override
    public Outcome run(ProbeContext context) throws IOException {
        Findings found;
        try {
            found = expected.path().isPresent()
                    ? JarScan.scan(expected.path().get(), expected.artifact(), expected.className())
                    : new ClassLoaderScan(loader).scan(expected.artifact(), expected.className());
        } catch (NoSuchFileException missing) {
            return Outcome.failed(missing.getFile() + " does not exist");
        }
        List<String> mismatches = expected.mismatches(found);
        Outcome outcome = mismatches.isEmpty() ? Outcome.passed(expected.describe(found))
                : Outcome.failed(String.join("; ", mismatches));
        outcome = outcome.withDetail("searched", found.where())
                .withDetail("copies", found.copies().stream().map(ArtifactCopy::toString).toList().toString());
        if (found.classLocation().isPresent()) {
            outcome = outcome.withDetail("classLocation", found.classLocation().get());
        }
        return outcome;
    }
}
