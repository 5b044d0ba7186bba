package org.postpatch.probes.system.settings;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.postpatch.config.ConfigNode;
import org.postpatch.probes.system.version.VersionRange;
import org.postpatch.spi.Spec;

/**
 * Typed values that {@link Spec} has no getter for, read with the same manners: problems are
 * reported at the value's line and column, nothing throws, and a value that is only known at run
 * time (it uses a value captured by another probe) is not judged until then.
 */
public final class SpecValues {

    private SpecValues() {
    }

    /** True when the value at {@code key} is only known when the probe runs. */
    public static boolean isDeferred(Spec spec, String key) {
        return spec.isMap() && spec.raw(key).map(ConfigNode::isDeferred).orElse(false);
    }

    /** True when {@code key} is present with a non-null value; marks it as known. */
    public static boolean isSet(Spec spec, String key) {
        return spec.isMap() && spec.raw(key).filter(value -> !value.isNull()).isPresent();
    }

    /** A required whole number within bounds, such as a port. */
    public static Optional<Long> requiredInteger(Spec spec, String key, long min, long max) {
        if (spec.isMap() && !isSet(spec, key)) {
            spec.problem("missing '" + key + "' (a whole number from " + min + " to " + max + ")");
            return Optional.empty();
        }
        return spec.optionalInteger(key, min, max);
    }

    /**
     * A regular expression, searched anywhere in a text; {@code ^} and {@code $} match at every line.
     */
    public static Optional<Pattern> pattern(Spec spec, String key) {
        Optional<String> text = spec.optionalString(key);
        if (text.isEmpty() || isDeferred(spec, key)) {
            return text.map(Pattern::quote).map(Pattern::compile);
        }
        try {
            return Optional.of(Pattern.compile(text.get(), Pattern.MULTILINE));
        } catch (PatternSyntaxException invalid) {
            spec.problem(key, "'" + text.get() + "' is not a valid regular expression: "
                    + invalid.getDescription() + " near index " + invalid.getIndex());
            return Optional.empty();
        }
    }

    /** A version range such as {@code >=17.0.10} or {@code [2.17.1,)}. */
    public static Optional<VersionRange> versionRange(Spec spec, String key) {
        Optional<String> text = spec.optionalString(key);
        if (text.isEmpty() || isDeferred(spec, key)) {
            // A deferred range is read again, and judged, once its value is known.
            return Optional.empty();
        }
        try {
            return Optional.of(VersionRange.parse(text.get()));
        } catch (IllegalArgumentException invalid) {
            spec.problem(key, invalid.getMessage());
            return Optional.empty();
        }
    }
}
