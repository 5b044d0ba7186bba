package org.postpatch.probes.system.classpath;

import java.util.Optional;
import org.postpatch.probes.system.version.Version;

/**
 * One copy of an artifact, found by its {@code pom.properties} or by its jar's name.
 *
 * @param version  the version as written, or {@code "unknown"}
 * @param location the jar (or folder) holding it, as shown to an operator
 */
record ArtifactCopy(String version, String location) {

    static final String UNKNOWN = "unknown";

    Optional<Version> parsedVersion() {
        return Version.parse(version);
    }

    /** "2.14.1 (lib/log4j-core-2.14.1.jar)". */
    @Override
    public String toString() {
        return version + " (" + location + ")";
    }
}
