package org.postpatch.benchmarks.gauntlet;

import java.util.List;
import java.util.Set;

/**
 * One patch of the gauntlet: what ran before, what runs after, and what a right verdict says.
 *
 * @param name        what the patch is ("renamed JSON field")
 * @param app         the application patched
 * @param from        what ran before the patch
 * @param to          what runs after it
 * @param blamed      the probes covering the change: exactly these must be REGRESSED or SLOWER
 *                    (probes they block may be BLOCKED by them); empty for a patch that breaks nothing
 * @param fingerprint for a patch that breaks nothing but changes what runs (a JVM, a library): the
 *                    fingerprint changes the verify must name, by their beginning ("jvm.version ",
 *                    "jar tomcat-embed-core ")
 */
record Scenario(String name, App app, Deploy from, Deploy to, Set<String> blamed, List<String> fingerprint) {

    Scenario {
        blamed = Set.copyOf(blamed);
        fingerprint = List.copyOf(fingerprint);
    }

    /** A patch that breaks what {@code blamed} probe. */
    static Scenario breaking(String name, App app, Deploy from, Deploy to, String... blamed) {
        return new Scenario(name, app, from, to, Set.of(blamed), List.of());
    }

    /** A patch that breaks nothing, which the verify must name in the fingerprint. */
    static Scenario seenInFingerprint(String name, App app, Deploy from, Deploy to, String... changes) {
        return new Scenario(name, app, from, to, Set.of(), List.of(changes));
    }

    /** The same jar restarted: nothing to blame, nothing changed. */
    static Scenario restart(App app, Deploy deploy) {
        return new Scenario("no-op restart", app, deploy, deploy, Set.of(), List.of());
    }

    boolean breaks() {
        return !blamed.isEmpty();
    }

    boolean noOp() {
        return blamed.isEmpty() && fingerprint.isEmpty();
    }
}
