package org.postpatch.result;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a run ran on: named facts (application version, JVM vendor/version/build, OS name, version
 * and kernel, patch id) and the jars on the classpath, each with its version and a digest of its
 * content. Two fingerprints are compared fact by fact and jar by jar, so a diff can say
 * "jvm.version 17.0.15 → 25.0.1" and "jackson-databind 2.17.0 → 2.17.1".
 */
public record Fingerprint(Map<String, String> facts, Map<String, Jar> jars) {

    /** One jar: its version (when known) and a digest of its content. */
    public record Jar(String version, String digest) {
        public Jar {
            version = version == null ? "" : version;
            Objects.requireNonNull(digest, "digest");
        }
    }

    /** One changed fact or jar: before and after ({@code null} when absent on that side). */
    public record Change(String name, String before, String after) {
        @Override
        public String toString() {
            if (before == null) {
                return name + " added (" + after + ")";
            }
            if (after == null) {
                return name + " removed (was " + before + ")";
            }
            return name + " " + before + " -> " + after;
        }
    }

    public Fingerprint {
        facts = Map.copyOf(Objects.requireNonNull(facts, "facts"));
        jars = Map.copyOf(Objects.requireNonNull(jars, "jars"));
    }

    /** A fingerprint of facts only. */
    public Fingerprint(Map<String, String> facts) {
        this(facts, Map.of());
    }

    public String get(String fact) {
        return facts.get(fact);
    }

    /** The facts sorted by name, for stable output. */
    public Map<String, String> sorted() {
        return new TreeMap<>(facts);
    }

    /** The jars sorted by name. */
    public Map<String, Jar> sortedJars() {
        return new TreeMap<>(jars);
    }

    /** A digest of all facts and jars: equal digests mean nothing that is fingerprinted changed. */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sorted().forEach((name, value) -> sha.update((name + "=" + value + "\n").getBytes(StandardCharsets.UTF_8)));
            sortedJars().forEach((name, jar) -> sha.update(("jar:" + name + "=" + jar.version() + "@" + jar.digest() + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** What changed from {@code before} to this fingerprint: facts first, then jars. */
    public List<Change> changesSince(Fingerprint before) {
        List<Change> changes = new ArrayList<>();
        TreeMap<String, String> names = new TreeMap<>(before.facts);
        names.putAll(facts);
        for (String name : names.keySet()) {
            String old = before.facts.get(name);
            String now = facts.get(name);
            if (!Objects.equals(old, now)) {
                changes.add(new Change(name, old, now));
            }
        }
        TreeMap<String, Jar> jarNames = new TreeMap<>(before.jars);
        jarNames.putAll(jars);
        for (String name : jarNames.keySet()) {
            Jar old = before.jars.get(name);
            Jar now = jars.get(name);
            if (old == null || now == null) {
                changes.add(new Change("jar " + name, describe(old), describe(now)));
            } else if (!old.equals(now)) {
                boolean sameVersion = old.version().equals(now.version());
                changes.add(new Change("jar " + name,
                        sameVersion ? describe(old) + " (sha " + old.digest() + ")" : describe(old),
                        sameVersion ? describe(now) + " (sha " + now.digest() + ")" : describe(now)));
            }
        }
        return changes;
    }

    private static String describe(Jar jar) {
        if (jar == null) {
            return null;
        }
        return jar.version().isEmpty() ? "sha " + jar.digest() : jar.version();
    }
}
