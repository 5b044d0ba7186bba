package org.postpatch.result;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a run ran on: named facts (application version, JVM vendor/version/build, OS name, version
 * and kernel, patch id) and the jars on the classpath, each with its version and a digest of its
 * content. Two fingerprints are compared fact by fact and jar by jar, so a diff can say
 * "jvm.version 17.0.15 → 25.0.1" and "jackson-databind 2.17.0 → 2.17.1".
 *
 * <p>Facts named {@code process.*} say how an application process was found (its pid, port, start
 * time): they are recorded and shown, but a restart is not a patch, so they are neither in the
 * digest nor among the changes.
 */
public record Fingerprint(Map<String, String> facts, Map<String, Jar> jars) {

    /** The prefix of the facts about how the application process was found. */
    public static final String PROCESS = "process.";
    /** The application process's id (fingerprinted from outside, {@code --app-pid} or {@code --app-port}). */
    public static final String PROCESS_PID = PROCESS + "pid";
    /** The TCP port the application process was found by. */
    public static final String PROCESS_PORT = PROCESS + "port";
    /** When the application process started (an ISO-8601 instant). */
    public static final String PROCESS_STARTED = PROCESS + "started";

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
            identity().forEach((name, value) -> sha.update((name + "=" + value + "\n").getBytes(StandardCharsets.UTF_8)));
            sortedJars().forEach((name, jar) -> sha.update(("jar:" + name + "=" + jar.version() + "@" + jar.digest() + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * What changed from {@code before} to this fingerprint: facts first, then jars. When only one of
     * the two read the application (its JVM, jars and version), only what both read is compared:
     * facts that were not read are not changes.
     */
    public List<Change> changesSince(Fingerprint before) {
        List<Change> changes = new ArrayList<>();
        boolean bothReadTheApplication = readsApplication() && before.readsApplication();
        boolean comparable = readsApplication() == before.readsApplication();
        TreeMap<String, String> names = new TreeMap<>(before.identity());
        names.putAll(identity());
        for (String name : names.keySet()) {
            String old = before.facts.get(name);
            String now = facts.get(name);
            if (!Objects.equals(old, now) && (comparable || !isApplicationFact(name))) {
                changes.add(new Change(name, old, now));
            }
        }
        if (!bothReadTheApplication) {
            return changes;
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

    /** The facts that say what ran, without those about how the process was found. */
    private Map<String, String> identity() {
        TreeMap<String, String> identity = new TreeMap<>(facts);
        identity.keySet().removeIf(name -> name.startsWith(PROCESS));
        return identity;
    }

    private static boolean isApplicationFact(String name) {
        return name.startsWith("jvm.") || name.startsWith("app.");
    }

    /**
     * True when the application's JVM, jars or version were read: embedded, from its endpoint, or
     * from outside its process; false for a fingerprint of the machine alone.
     */
    public boolean readsApplication() {
        return !jars.isEmpty() || facts.keySet().stream().anyMatch(Fingerprint::isApplicationFact);
    }

    /**
     * When the application process started, if it was fingerprinted from outside
     * ({@code --app-pid}, {@code --app-port}): a restart right before a run makes its first
     * requests slow, and judging them needs to know it.
     */
    public Optional<Instant> applicationStartedAt() {
        String started = facts.get(PROCESS_STARTED);
        try {
            return started == null ? Optional.empty() : Optional.of(Instant.parse(started));
        } catch (DateTimeParseException unparsable) {
            return Optional.empty();
        }
    }

    /**
     * What was fingerprinted, for the operator: "application process 4242 on port 8080: JVM,
     * 138 jars, version; this machine: OS, kernel", or "this machine only: OS, kernel (not the
     * application's JVM or jars)", so that "nothing changed" is never read as covering facts that
     * were not read.
     */
    public String scope() {
        List<String> machine = new ArrayList<>();
        if (facts.containsKey("os.name") || facts.containsKey("os.release")) {
            machine.add("OS");
        }
        if (facts.containsKey("os.version")) {
            machine.add("kernel");
        }
        if (facts.containsKey("patch.id")) {
            machine.add("patch id");
        }
        String machineScope = machine.isEmpty() ? "nothing" : String.join(", ", machine);
        if (!readsApplication()) {
            return "this machine only: " + machineScope + " (not the application's JVM or jars)";
        }
        List<String> application = new ArrayList<>();
        if (facts.keySet().stream().anyMatch(name -> name.startsWith("jvm."))) {
            application.add("JVM");
        }
        application.add(jars.size() + (jars.size() == 1 ? " jar" : " jars"));
        if (facts.containsKey("app.version")) {
            application.add("version");
        }
        String subject = facts.containsKey(PROCESS_PID) ? "application process " + facts.get(PROCESS_PID)
                + (facts.containsKey(PROCESS_PORT) ? " on port " + facts.get(PROCESS_PORT) : "") : "application";
        return subject + ": " + String.join(", ", application) + "; this machine: " + machineScope;
    }

    private static String describe(Jar jar) {
        if (jar == null) {
            return null;
        }
        return jar.version().isEmpty() ? "sha " + jar.digest() : jar.version();
    }
}
