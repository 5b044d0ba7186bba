package org.postpatch.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.postpatch.result.Fingerprint;

/** Reads the fingerprint of this process: JVM, operating system and the operator's patch id. */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** The facts of the running JVM and machine. */
    public static Fingerprint current() {
        Map<String, String> facts = new LinkedHashMap<>();
        put(facts, "jvm.vendor", System.getProperty("java.vendor"));
        put(facts, "jvm.version", System.getProperty("java.version"));
        put(facts, "jvm.build", System.getProperty("java.runtime.version"));
        put(facts, "jvm.home", System.getProperty("java.home"));
        put(facts, "os.name", System.getProperty("os.name"));
        put(facts, "os.version", System.getProperty("os.version"));
        put(facts, "os.arch", System.getProperty("os.arch"));
        put(facts, "patch.id", System.getenv("POSTPATCH_PATCH_ID"));
        return new Fingerprint(facts);
    }

    private static void put(Map<String, String> facts, String name, String value) {
        if (value != null && !value.isBlank()) {
            facts.put(name, value);
        }
    }
}
