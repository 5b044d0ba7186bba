package org.postpatch.probes.http.expect;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.postpatch.config.Suggestions;
import org.postpatch.spi.Key;
import org.postpatch.spi.Shape;
import org.postpatch.spi.Spec;

/**
 * Reads what a value must be: a plain value (equals) or a map of matchers such as
 * {@code { matches: "[0-9a-f-]{36}" }}, {@code { gt: 0, lt: 100 }} or {@code { length: { ge: 6 } }}.
 * Regular expressions are compiled here, once, and problems are reported at their line and column.
 * Also decides how each rule applies to a path that selects several values: {@code exists},
 * {@code absent}, {@code contains}, {@code notContains}, {@code length} and a list value to their
 * list; the others to each value.
 */
public final class MatcherReader {

    /** Every matcher name, in the order they are checked. */
    public static final List<String> MATCHERS = List.of("exists", "absent", "type", "equals", "matches", "contains",
            "notContains", "length", "gt", "ge", "lt", "le");

    private static final List<String> LENGTH_MATCHERS = List.of("equals", "gt", "ge", "lt", "le");

    private static final Set<String> TYPES = Set.of("string", "number", "boolean", "object", "array", "null");

    /** What a value may be: a value to equal (a scalar or a list), or a map of matchers. */
    public static final Shape DECLARATION = declaration();

    private MatcherReader() {
    }

    /** The matcher declared by {@code value}, the spec of one JSONPath or header entry. */
    public static ValueMatcher read(Spec value) {
        if (!value.isMap()) {
            return new ValueMatcher(List.of(new ValueMatcher.Check(Rules.equalTo(Expected.of(value)), value.isList())));
        }
        if (value.keys().stream().noneMatch(MATCHERS::contains)) {
            String first = value.keys().isEmpty() ? "" : value.keys().iterator().next();
            value.problem("expected a value or matchers (" + String.join(", ", MATCHERS) + "), found key '" + first + "'"
                    + Suggestions.didYouMean(first, MATCHERS) + "; to compare with an object write { equals: {...} }");
            value.known(value.keys().toArray(String[]::new));
            return new ValueMatcher(List.of());
        }
        List<ValueMatcher.Check> checks = new ArrayList<>();
        value.optionalBool("exists").ifPresent(exists -> checks.add(onTheList(Rules.present(exists))));
        value.optionalBool("absent").ifPresent(absent -> checks.add(onTheList(Rules.present(!absent))));
        value.optionalString("type").ifPresent(type -> {
            if (TYPES.contains(type)) {
                checks.add(onEach(Rules.type(type)));
            } else {
                value.problem("type", "expected one of string, number, boolean, object, array, null, found '" + type + "'"
                        + Suggestions.didYouMean(type, TYPES));
            }
        });
        if (value.has("equals")) {
            Expected expected = value.child("equals").map(Expected::of).orElse(Expected.NULL);
            checks.add(new ValueMatcher.Check(Rules.equalTo(expected), expected.isList()));
        }
        value.pattern("matches").ifPresent(pattern -> checks.add(onEach(Rules.matching(pattern))));
        scalar(value, "contains").ifPresent(expected -> checks.add(onTheList(Rules.containing(expected))));
        scalar(value, "notContains").ifPresent(unwanted -> checks.add(onTheList(Rules.notContaining(unwanted))));
        length(value, checks);
        for (String operator : List.of("gt", "ge", "lt", "le")) {
            Optional<BigDecimal> bound = value.optionalNumber(operator);
            bound.ifPresent(number -> checks.add(onEach(Rules.compared(operator, number))));
        }
        return new ValueMatcher(checks);
    }

    private static ValueMatcher.Check onTheList(Rule rule) {
        return new ValueMatcher.Check(rule, true);
    }

    private static ValueMatcher.Check onEach(Rule rule) {
        return new ValueMatcher.Check(rule, false);
    }

    /** The value to look for at {@code key}: a scalar. */
    private static Optional<Expected> scalar(Spec value, String key) {
        if (!value.has(key)) {
            return Optional.empty();
        }
        Optional<Spec> expected = value.child(key);
        if (expected.isEmpty() || !expected.get().isScalar()) {
            value.problem(key, "expected a value to look for, found "
                    + expected.map(Spec::describeType).orElse("nothing (null)"));
            return Optional.empty();
        }
        return expected.map(Expected::of);
    }

    /** {@code length: 6} (exactly) or {@code length: { ge: 6, lt: 10 }}. */
    private static void length(Spec value, List<ValueMatcher.Check> checks) {
        Optional<Spec> given = value.child("length");
        if (given.isEmpty()) {
            return;
        }
        if (!given.get().isMap()) {
            value.optionalInteger("length", 0, Integer.MAX_VALUE)
                    .ifPresent(length -> checks.add(onTheList(Rules.length("equals", length))));
            return;
        }
        Spec bounds = given.get();
        if (bounds.keys().isEmpty()) {
            value.problem("length", "expected a whole number or matchers like { ge: 6 } (equals, gt, ge, lt, le)");
            return;
        }
        // An unknown key here is reported by the unknown-key check, with the closest matcher's name.
        for (String operator : LENGTH_MATCHERS) {
            bounds.optionalInteger(operator, 0, Integer.MAX_VALUE)
                    .ifPresent(bound -> checks.add(onTheList(Rules.length(operator, bound))));
        }
    }

    private static Shape declaration() {
        Shape bound = Shape.wholeNumber(0, Integer.MAX_VALUE);
        Shape length = Shape.either(bound, Shape.block(
                Key.optional("equals", bound, "Exactly this length."),
                Key.optional("gt", bound, "Longer than this."),
                Key.optional("ge", bound, "At least this long."),
                Key.optional("lt", bound, "Shorter than this."),
                Key.optional("le", bound, "At most this long.")));
        Shape matchers = Shape.block(
                Key.optional("exists", Shape.bool(), "`true`: present (null counts as present); `false`: absent."),
                Key.optional("absent", Shape.bool(), "`true`: absent."),
                Key.optional("type", Shape.choice("string", "number", "boolean", "object", "array", "null"), "The JSON type."),
                Key.optional("equals", Shape.any(), "Equal to this; the way to compare with an object or a list."),
                Key.optional("matches", Shape.pattern(), "The whole text of the value matches the regular expression."),
                Key.optional("contains", Shape.string(), "A list holding an item equal to it, or a text containing it."),
                Key.optional("notContains", Shape.string(), "No item equal to it, no such text; an absent value passes."),
                Key.optional("length", length, "Items of a list, entries of an object, or characters of a text."),
                Key.optional("gt", Shape.number(), "A number (or numeric text) greater than this."),
                Key.optional("ge", Shape.number(), "A number (or numeric text) greater than or equal to this."),
                Key.optional("lt", Shape.number(), "A number (or numeric text) less than this."),
                Key.optional("le", Shape.number(), "A number (or numeric text) less than or equal to this."));
        return Shape.either(Shape.string(), Shape.listOf(Shape.any()), matchers).documentedAs("value or matchers");
    }
}
