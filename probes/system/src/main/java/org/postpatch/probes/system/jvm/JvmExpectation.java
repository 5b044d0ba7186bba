package org.postpatch.probes.system.jvm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.postpatch.probes.system.version.Version;
import org.postpatch.probes.system.version.VersionRange;
import org.postpatch.spi.Spec;

/**
 * What a {@code jvm} probe declares: a version range, a vendor (contained, ignoring case), system
 * properties with exact values, and optionally the home of another JVM to check instead of this one.
 */
record JvmExpectation(Optional<VersionRange> version, Optional<String> vendor, Map<String, String> properties,
                      Optional<Path> home) {

    JvmExpectation {
        properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties)); // keeps file order for messages
    }

    /** Reads a {@code jvm} block; empty when a problem was reported. */
    static Optional<JvmExpectation> read(Spec spec) {
        if (!spec.isMap()) {
            spec.problem("expected a map with version, vendor, properties or home, found " + spec.describeType());
            return Optional.empty();
        }
        Optional<VersionRange> version = spec.parsed("version", VersionRange::parse);
        Optional<String> vendor = spec.optionalString("vendor");
        Map<String, String> properties = spec.stringMap("properties");
        Optional<Path> home = spec.optionalString("home").map(Path::of);
        if (spec.hasProblems()) {
            return Optional.empty();
        }
        return Optional.of(new JvmExpectation(version, vendor, properties, home));
    }

    /** Every way the JVM differs from this expectation, as phrases like "version 17.0.15, expected >=21". */
    List<String> mismatches(JvmFacts jvm) {
        List<String> found = new ArrayList<>();
        version.ifPresent(range -> {
            Optional<Version> actual = Version.parse(jvm.version());
            if (actual.isEmpty()) {
                found.add("version '" + jvm.version() + "' cannot be compared, expected " + range);
            } else if (!range.contains(actual.get())) {
                found.add("version " + jvm.version() + ", expected " + range);
            }
        });
        vendor.ifPresent(expected -> {
            if (!jvm.vendor().toLowerCase(Locale.ROOT).contains(expected.toLowerCase(Locale.ROOT))) {
                found.add("vendor '" + jvm.vendor() + "', expected one containing '" + expected + "'");
            }
        });
        properties.forEach((name, expected) -> {
            Optional<String> actual = jvm.property(name);
            if (actual.isEmpty()) {
                found.add(name + " is not set, expected '" + expected + "'");
            } else if (!actual.get().equals(expected)) {
                found.add(name + " is '" + actual.get() + "', expected '" + expected + "'");
            }
        });
        return found;
    }
}
