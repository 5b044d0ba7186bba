package org.postpatch.probes.http.expect;

import java.util.List;
import java.util.Map;
import org.postpatch.spi.Spec;

/**
 * A value as written in a probe file, to compare with what a response holds: its plain value (a
 * String, number, Boolean, null, List or Map) and, for a scalar, its text exactly as written.
 */
record Expected(Object plain, String text) {

    /** {@code null} (or {@code ~}) as written. */
    static final Expected NULL = new Expected(null, "");

    static Expected of(Spec written) {
        return written.isNull() ? NULL : new Expected(written.plain(), written.isScalar() ? written.text() : "");
    }

    boolean isNull() {
        return plain == null;
    }

    boolean isScalar() {
        return !(plain instanceof Map || plain instanceof List);
    }

    boolean isList() {
        return plain instanceof List;
    }

    boolean isString() {
        return plain instanceof String;
    }

    boolean isBoolean() {
        return plain instanceof Boolean;
    }

    @Override
    public String toString() {
        return String.valueOf(plain);
    }
}
