package org.postpatch.probes.system.classpath;

import java.util.Optional;
import java.util.regex.Pattern;

/** A Maven artifact's {@code groupId:artifactId}, as written in a probe file. */
record Coordinates(String groupId, String artifactId) {

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.-]+");

    /** The coordinates, or empty when the text is not {@code groupId:artifactId}. */
    static Optional<Coordinates> parse(String text) {
        String[] parts = text.trim().split(":", -1);
        if (parts.length != 2 || !PART.matcher(parts[0]).matches() || !PART.matcher(parts[1]).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Coordinates(parts[0], parts[1]));
    }

    /** Where Maven puts this artifact's properties inside its jar. */
    String pomProperties() {
        return "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
    }

    /** A jar named {@code <artifactId>-<version>.jar}; the version is group 1. */
    Pattern jarName() {
        return Pattern.compile(Pattern.quote(artifactId) + "-(\\d[^/!]*)\\.jar");
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId;
    }
}
