package org.postpatch.probes.system.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version of a library or a JVM, compared the way people expect: numeric segments as numbers
 * ({@code 17.0.10 > 17.0.9}), missing segments as 0 ({@code 17 == 17.0.0}), build metadata after
 * {@code +} ignored ({@code 17.0.15+6-Debian-1deb12u1 == 17.0.15}), pre-release qualifiers before
 * the release ({@code 2.0.0-rc1 < 2.0.0}), and {@code Final}, {@code GA} or {@code RELEASE} equal to it.
 * Any other qualifier ({@code 31.1-jre}, {@code 5.3.2.SP1}) sorts after the release, as in Maven,
 * so that a range like {@code >=31.1} accepts Guava's {@code 31.1-jre}.
 */
public final class Version implements Comparable<Version> {

    private static final Pattern SHAPE =
            Pattern.compile("(\\d+(?:[._]\\d+)*)(?:[-._]?([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?))?");
    private static final Pattern TOKEN = Pattern.compile("\\d+|[A-Za-z]+");
    private static final List<String> PRE_RELEASES =
            List.of("alpha", "beta", "milestone", "preview", "rc", "snapshot");

    private final String text;
    private final List<BigInteger> numbers;
    private final Qualifier qualifier;

    private Version(String text, List<BigInteger> numbers, Qualifier qualifier) {
        this.text = text;
        this.numbers = numbers;
        this.qualifier = qualifier;
    }

    /** The version, or empty when the text does not start with a number (like {@code seventeen}). */
    public static Optional<Version> parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        int plus = trimmed.indexOf('+');
        String compared = plus >= 0 ? trimmed.substring(0, plus) : trimmed;
        Matcher shape = SHAPE.matcher(compared);
        if (!shape.matches()) {
            return Optional.empty();
        }
        List<BigInteger> numbers = new ArrayList<>();
        for (String segment : shape.group(1).split("[._]")) {
            numbers.add(new BigInteger(segment));
        }
        while (numbers.size() > 1 && numbers.get(numbers.size() - 1).signum() == 0) {
            numbers.remove(numbers.size() - 1);
        }
        return Optional.of(new Version(trimmed, Collections.unmodifiableList(numbers), Qualifier.of(shape.group(2))));
    }

    /** The version as it was written. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public int compareTo(Version other) {
        int length = Math.max(numbers.size(), other.numbers.size());
        for (int i = 0; i < length; i++) {
            int byNumber = segment(i).compareTo(other.segment(i));
            if (byNumber != 0) {
                return byNumber;
            }
        }
        return qualifier.compareTo(other.qualifier);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Version version && compareTo(version) == 0;
    }

    @Override
    public int hashCode() {
        return numbers.hashCode() * 31 + qualifier.hashCode();
    }

    private BigInteger segment(int index) {
        return index < numbers.size() ? numbers.get(index) : BigInteger.ZERO;
    }

    /**
     * What follows the numbers: a pre-release (sorts before the release, by its rank among
     * {@link #PRE_RELEASES} and then its own numbers), nothing, or something after the release.
     */
    private record Qualifier(int order, int rank, List<Object> tokens) implements Comparable<Qualifier> {

        private static final int PRE_RELEASE = -1;
        private static final int RELEASE = 0;
        private static final int AFTER_RELEASE = 1;
        private static final Qualifier NONE = new Qualifier(RELEASE, 0, List.of());

        static Qualifier of(String text) {
            if (text == null || text.isEmpty()) {
                return NONE;
            }
            List<Object> tokens = new ArrayList<>();
            Matcher token = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
            while (token.find()) {
                String value = token.group();
                tokens.add(Character.isDigit(value.charAt(0)) ? new BigInteger(value) : value);
            }
            if (tokens.isEmpty()) {
                return NONE;
            }
            Object first = tokens.get(0);
            if (first instanceof String word) {
                if (List.of("final", "ga", "release").contains(word) && tokens.size() == 1) {
                    return NONE;
                }
                int rank = PRE_RELEASES.indexOf(canonical(word));
                if (rank >= 0) {
                    return new Qualifier(PRE_RELEASE, rank, List.copyOf(tokens.subList(1, tokens.size())));
                }
            }
            return new Qualifier(AFTER_RELEASE, 0, List.copyOf(tokens));
        }

        private static String canonical(String word) {
            return switch (word) {
                case "a" -> "alpha";
                case "b" -> "beta";
                case "m" -> "milestone";
                case "cr" -> "rc";
                case "ea", "pre", "dev" -> "alpha";
                default -> word;
            };
        }

        @Override
        public int compareTo(Qualifier other) {
            if (order != other.order) {
                return Integer.compare(order, other.order);
            }
            if (rank != other.rank) {
                return Integer.compare(rank, other.rank);
            }
            int length = Math.max(tokens.size(), other.tokens.size());
            for (int i = 0; i < length; i++) {
                int byToken = compareTokens(i < tokens.size() ? tokens.get(i) : null,
                        i < other.tokens.size() ? other.tokens.get(i) : null);
                if (byToken != 0) {
                    return byToken;
                }
            }
            return 0;
        }

        /** A missing token sorts first ({@code rc < rc1}); numbers sort before words. */
        private static int compareTokens(Object left, Object right) {
            if (left == null || right == null) {
                return left == null ? (right == null ? 0 : -1) : 1;
            }
            if (left instanceof BigInteger a && right instanceof BigInteger b) {
                return a.compareTo(b);
            }
            if (left instanceof String a && right instanceof String b) {
                return a.compareTo(b);
            }
            return left instanceof BigInteger ? -1 : 1;
        }
    }
}
