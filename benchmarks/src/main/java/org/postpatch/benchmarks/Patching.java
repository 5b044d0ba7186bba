package org.postpatch.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import org.postpatch.result.Fingerprint;

/** The weekly patches of benchmark B4's fleet, by week: an application release, a library, the JVM, the OS. */
final class Patching {

    private Patching() {
    }

    static Fingerprint weekly(Fingerprint before, int app, int week) {
        return switch (week % 4) {
            case 0 -> release(before, app, week);
            case 1 -> library(before, week);
            case 2 -> jvm(before, week);
            default -> os(before, week);
        };
    }

    private static Fingerprint release(Fingerprint before, int app, int week) {
        Map<String, String> facts = new LinkedHashMap<>(before.facts());
        facts.put("app.version", "1." + app + "." + (week + 1));
        Map<String, Fingerprint.Jar> jars = new LinkedHashMap<>(before.jars());
        jars.put("app-" + app, new Fingerprint.Jar(facts.get("app.version"), Integer.toHexString(app * 31 + week)));
        return new Fingerprint(facts, jars);
    }

    /** The same library patch for every application: one change across the fleet. */
    private static Fingerprint library(Fingerprint before, int week) {
        Map<String, Fingerprint.Jar> jars = new LinkedHashMap<>(before.jars());
        String name = String.format("library-%02d", week % 60);
        Fingerprint.Jar old = jars.get(name);
        jars.put(name, new Fingerprint.Jar(old.version() + "." + week, Integer.toHexString(week * 7 + 1)));
        return new Fingerprint(before.facts(), jars);
    }

    private static Fingerprint jvm(Fingerprint before, int week) {
        Map<String, String> facts = new LinkedHashMap<>(before.facts());
        facts.put("jvm.version", "17.0." + (15 + week / 4 + 1));
        facts.put("jvm.build", facts.get("jvm.version") + "+" + (6 + week));
        return new Fingerprint(facts, before.jars());
    }

    static Fingerprint os(Fingerprint before, int week) {
        Map<String, String> facts = new LinkedHashMap<>(before.facts());
        facts.put("os.version", "6.1.0-" + (20 + week) + "-amd64");
        return new Fingerprint(facts, before.jars());
    }
}
