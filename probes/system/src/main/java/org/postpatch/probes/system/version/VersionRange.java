package org.postpatch.probes.system.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A set of acceptable versions, written either with comparisons or in Maven's range syntax:
 * <ul>
 *   <li>{@code >=2.17.1}, {@code >2}, {@code <=3}, {@code <21}, {@code =2.3.1}, or a bare {@code 2.3.1}
 *       (exactly that version); several separated by spaces or commas must all hold: {@code >=17 <21};</li>
 *   <li>{@code [2.17.1,)}, {@code [17,21)}, {@code (,3.0]}, {@code [2.3.1]}; several such intervals,
 *       like {@code [1.2,1.3),[2.0,)}, accept a version in any of them.</li>
 * </ul>
 * Versions are compared as {@link Version}s.
 */
public final class VersionRange {

    /** Examples for messages about a range that could not be read. */
    public static final String EXAMPLES = "like >=17.0.10, [2.17.1,), >=17 <21";

    private static final Pattern COMPARISON = Pattern.compile("(>=|<=|>|<|==?)?\\s*([^\\s,<>=\\[\\]()]+)");
    private static final Pattern INTERVAL = Pattern.compile("([\\[(])\\s*([^,\\[\\]()\\s]*)\\s*(?:,\\s*([^,\\[\\]()\\s]*)\\s*)?([\\])])");

    private final String text;
    private final List<Interval> anyOf;

    private VersionRange(String text, List<Interval> anyOf) {
        this.text = text;
        this.anyOf = List.copyOf(anyOf);
    }

    /**
     * Reads a range.
     *
     * @throws IllegalArgumentException when the text is not a range, or a range no version can match,
     *                                  with a message fit for the probe file's author
     */
    public static VersionRange parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        List<Interval> intervals = trimmed.startsWith("[") || trimmed.startsWith("(")
                ? parseMaven(trimmed) : List.of(parseComparisons(trimmed));
        if (intervals.stream().allMatch(Interval::isEmpty)) {
            throw new IllegalArgumentException("'" + trimmed + "' matches no version");
        }
        return new VersionRange(trimmed, intervals);
    }

    /** True when the version lies in this range. */
    public boolean contains(Version version) {
        return anyOf.stream().anyMatch(interval -> interval.contains(version));
    }

    /** The range as it was written. */
    @Override
    public String toString() {
        return text;
    }

    private static IllegalArgumentException notARange(String text) {
        return new IllegalArgumentException("'" + text + "' is not a version range (" + EXAMPLES + ")");
    }

    private static Interval parseComparisons(String text) {
        if (text.isEmpty()) {
            throw notARange(text);
        }
        Interval result = Interval.ALL;
        int position = 0;
        Matcher comparison = COMPARISON.matcher(text);
        while (position < text.length()) {
            if (text.charAt(position) == ' ' || text.charAt(position) == ',') {
                position++;
                continue;
            }
            if (!comparison.find(position) || comparison.start() != position) {
                throw notARange(text);
            }
            Version version = Version.parse(comparison.group(2)).orElseThrow(() -> notARange(text));
            String operator = comparison.group(1) == null ? "=" : comparison.group(1);
            result = result.intersect(switch (operator) {
                case ">=" -> new Interval(new Bound(version, true), null);
                case ">" -> new Interval(new Bound(version, false), null);
                case "<=" -> new Interval(null, new Bound(version, true));
                case "<" -> new Interval(null, new Bound(version, false));
                default -> new Interval(new Bound(version, true), new Bound(version, true));
            });
            position = comparison.end();
        }
        return result;
    }

    private static List<Interval> parseMaven(String text) {
        List<Interval> intervals = new ArrayList<>();
        int position = 0;
        Matcher interval = INTERVAL.matcher(text);
        while (position < text.length()) {
            if (text.charAt(position) == ' ' || text.charAt(position) == ',') {
                position++;
                continue;
            }
            if (!interval.find(position) || interval.start() != position) {
                throw notARange(text);
            }
            intervals.add(mavenInterval(text, interval));
            position = interval.end();
        }
        return intervals;
    }

    private static Interval mavenInterval(String text, Matcher interval) {
        boolean lowerInclusive = interval.group(1).equals("[");
        boolean upperInclusive = interval.group(4).equals("]");
        Optional<Version> lower = optionalVersion(text, interval.group(2));
        if (interval.group(3) == null) {
            // [1.2] means exactly 1.2; (1.2) is meaningless.
            if (lower.isEmpty() || !lowerInclusive || !upperInclusive) {
                throw notARange(text);
            }
            return new Interval(new Bound(lower.get(), true), new Bound(lower.get(), true));
        }
        Optional<Version> upper = optionalVersion(text, interval.group(3));
        if (lower.isEmpty() && upper.isEmpty()) {
            throw notARange(text);
        }
        return new Interval(lower.map(v -> new Bound(v, lowerInclusive)).orElse(null),
                upper.map(v -> new Bound(v, upperInclusive)).orElse(null));
    }

    private static Optional<Version> optionalVersion(String text, String part) {
        if (part.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Version.parse(part).orElseThrow(() -> notARange(text)));
    }

    /** One end of an interval. */
    private record Bound(Version version, boolean inclusive) {
        Bound {
            Objects.requireNonNull(version, "version");
        }
    }

    /** Versions between two bounds; a missing bound is unlimited. */
    private record Interval(Bound lower, Bound upper) {

        static final Interval ALL = new Interval(null, null);

        boolean contains(Version version) {
            if (lower != null) {
                int byLower = version.compareTo(lower.version());
                if (byLower < 0 || (byLower == 0 && !lower.inclusive())) {
                    return false;
                }
            }
            if (upper != null) {
                int byUpper = version.compareTo(upper.version());
                return byUpper < 0 || (byUpper == 0 && upper.inclusive());
            }
            return true;
        }

        boolean isEmpty() {
            if (lower == null || upper == null) {
                return false;
            }
            int order = lower.version().compareTo(upper.version());
            return order > 0 || (order == 0 && !(lower.inclusive() && upper.inclusive()));
        }

        Interval intersect(Interval other) {
            return new Interval(tighter(lower, other.lower, 1), tighter(upper, other.upper, -1));
        }

        /** The stricter of two bounds: the higher lower bound ({@code sign 1}) or the lower upper bound. */
        private static Bound tighter(Bound a, Bound b, int sign) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            int order = a.version().compareTo(b.version()) * sign;
            if (order != 0) {
                return order > 0 ? a : b;
            }
            return a.inclusive() ? b : a;
        }
    }
}
