package org.postpatch.probes.jdbc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.postpatch.spi.Key;
import org.postpatch.spi.Shape;
import org.postpatch.spi.Spec;

/**
 * The expected first column of the first row: {@code value: 42}, or a matcher such as
 * {@code value: { gt: 0 }} or {@code value: { matches: "[0-9a-f-]{36}" }}; every part must hold.
 * Numbers are compared as numbers ({@code 1} equals {@code 1.0}), everything else as text.
 */
record FirstValue(Optional<String> equals, Optional<Pattern> matches, List<Bound> bounds) {

    /** One numeric bound, such as {@code > 0}. */
    record Bound(Comparison comparison, BigDecimal number) {
    }

    private static final List<Comparison> NUMERIC = List.of(Comparison.GT, Comparison.GE, Comparison.LT, Comparison.LE);

    /** A value, or a matcher of it. */
    static final Shape DECLARATION = Shape.either(Shape.string(), Shape.block(
            Key.optional("equals", Shape.string(), "Equal to this (numbers as numbers)."),
            Key.optional("matches", Shape.pattern(), "The whole text matches this regular expression."),
            Key.optional("gt", Shape.number(), "A number greater than this."),
            Key.optional("ge", Shape.number(), "A number greater than or equal to this."),
            Key.optional("lt", Shape.number(), "A number less than this."),
            Key.optional("le", Shape.number(), "A number less than or equal to this.")))
            .documentedAs("scalar, or map");

    FirstValue {
        bounds = List.copyOf(bounds);
    }

    /** Reads {@code value} from an {@code expect} block; empty when absent or invalid. */
    static Optional<FirstValue> read(Spec expect) {
        Optional<Spec> given = expect.child("value");
        if (given.isEmpty()) {
            return Optional.empty();
        }
        if (given.get().isScalar()) {
            return Optional.of(new FirstValue(Optional.of(given.get().text()), Optional.empty(), List.of()));
        }
        if (!given.get().isMap()) {
            expect.problem("value", "expected a value or a matcher like { gt: 0 }, found " + given.get().describeType());
            return Optional.empty();
        }
        Spec matcher = given.get();
        Optional<String> equals = matcher.optionalString("equals");
        Optional<Pattern> matches = matcher.pattern("matches");
        List<Bound> bounds = new ArrayList<>();
        for (Comparison comparison : NUMERIC) {
            matcher.optionalNumber(comparison.key()).ifPresent(number -> bounds.add(new Bound(comparison, number)));
        }
        if (equals.isEmpty() && matches.isEmpty() && bounds.isEmpty()) {
            if (!matcher.hasProblems() && matcher.keys().isEmpty()) {
                expect.problem("value", "expected at least one of equals, matches, gt, ge, lt, le");
            }
            return Optional.empty();
        }
        return Optional.of(new FirstValue(equals, matches, bounds));
    }

    /**
     * Why the first value does not match, or empty when it does.
     *
     * @param found the value as read ({@code null} for SQL NULL)
     * @param present false when the query returned no rows
     */
    Optional<String> mismatch(Object found, boolean present) {
        String expected = describe();
        if (!present) {
            return Optional.of("first value: expected " + expected + " but the query returned no rows");
        }
        if (found == null) {
            return Optional.of("first value: expected " + expected + " but was NULL");
        }
        String text = String.valueOf(found);
        Optional<BigDecimal> number = number(found);
        boolean holds = equals.map(value -> sameValue(value, text, number)).orElse(true)
                && matches.map(pattern -> pattern.matcher(text).matches()).orElse(true)
                && bounds.stream().allMatch(bound ->
                        number.isPresent() && bound.comparison().holds(number.get().compareTo(bound.number())));
        if (holds) {
            return Optional.empty();
        }
        String shown = number.isPresent() ? text : "'" + text + "'";
        String notNumber = !bounds.isEmpty() && number.isEmpty() ? ", not a number" : "";
        return Optional.of("first value: expected " + expected + " but was " + shown + notNumber);
    }

    private String describe() {
        List<String> parts = new ArrayList<>();
        equals.ifPresent(value -> parts.add(number(value).isPresent() ? value : "'" + value + "'"));
        matches.ifPresent(pattern -> parts.add("to match '" + pattern.pattern() + "'"));
        bounds.forEach(bound -> parts.add(bound.comparison().symbol() + " " + bound.number().toPlainString()));
        return String.join(" and ", parts);
    }

    private static boolean sameValue(String expected, String text, Optional<BigDecimal> number) {
        Optional<BigDecimal> expectedNumber = number(expected);
        if (expectedNumber.isPresent() && number.isPresent()) {
            return expectedNumber.get().compareTo(number.get()) == 0;
        }
        return expected.equals(text);
    }

    /** The value as a number, when it is one (a numeric column, or text that reads as a number). */
    static Optional<BigDecimal> number(Object value) {
        if (value instanceof Boolean) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(String.valueOf(value).trim()));
        } catch (NumberFormatException notNumber) {
            return Optional.empty();
        }
    }
}
