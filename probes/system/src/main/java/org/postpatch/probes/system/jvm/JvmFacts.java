package org.postpatch.probes.system.jvm;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The system properties of one JVM, and which JVM it is for messages.
 *
 * @param subject "the running JVM" or "the JVM at /usr/lib/jvm/..."
 */
record JvmFacts(String subject, Map<String, String> properties) {

    JvmFacts {
        properties = Map.copyOf(properties);
    }

    /** The JVM this code runs in. */
    static JvmFacts running() {
        Properties system = System.getProperties();
        Map<String, String> copy = new TreeMap<>();
        for (String name : system.stringPropertyNames()) {
            copy.put(name, system.getProperty(name));
        }
        return new JvmFacts("the running JVM", copy);
    }

    Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    String version() {
        return property("java.version").orElse("");
    }

    String vendor() {
        return property("java.vendor").orElse("");
    }

    /** The most precise version, with the build: {@code 17.0.15+6-Debian-1deb12u1}. */
    String runtimeVersion() {
        return property("java.runtime.version").orElse(version());
    }
}
