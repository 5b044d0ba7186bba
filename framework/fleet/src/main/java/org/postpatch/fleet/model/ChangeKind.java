package org.postpatch.fleet.model;

import java.util.Comparator;
import java.util.Locale;
import org.postpatch.result.Fingerprint;

/**
 * What kind of patch an item of a fingerprint diff is, read from its name: the figures are counted
 * per kind. Names this code does not know (facts added by a newer postpatch) are {@link #OTHER}.
 */
public enum ChangeKind {
    APPLICATION("application"),
    PATCH("patch id"),
    JVM("JVM"),
    LIBRARY("library"),
    OS("OS"),
    OTHER("other");

    /**
     * Diff items, the one that names the patch best first: by kind (an application's version before
     * the JVM before a library before the OS), versions before builds and vendors, then by name.
     */
    public static final Comparator<Fingerprint.Change> SIGNIFICANCE = Comparator
            .comparing((Fingerprint.Change item) -> of(item.name()))
            .thenComparing(item -> item.name().endsWith(".version") ? 0 : 1)
            .thenComparing(Fingerprint.Change::name);

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    /** How people call it: "JVM", "library", "patch id". */
    public String label() {
        return label;
    }

    /** The kind of a diff item by its name: {@code jvm.version}, {@code jar jackson-databind}, {@code os.release}. */
    public static ChangeKind of(String itemName) {
        String name = itemName.toLowerCase(Locale.ROOT);
        if (name.startsWith("jar ")) {
            return LIBRARY;
        }
        if (name.contains("jvm") || name.startsWith("java.")) {
            return JVM;
        }
        if (name.startsWith("os.")) {
            return OS;
        }
        if (name.equals("patch.id")) {
            return PATCH;
        }
        if (name.startsWith("app.")) {
            return APPLICATION;
        }
        return OTHER;
    }
}
