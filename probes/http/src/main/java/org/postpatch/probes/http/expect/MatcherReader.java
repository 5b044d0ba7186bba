package org.postpatch.probes.http.expect;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.postpatch.config.ConfigNode;
import org.postpatch.config.Suggestions;
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

    private MatcherReader() {
    }

    /** The matcher declared by {@code value}, the spec of one JSONPath or header entry. */
    public static ValueMatcher read(Spec value) {
        ConfigNode node = value.node();
        if (!node.isMap()) {
            return new ValueMatcher(List.of(new ValueMatcher.Check(Rules.equalTo(node), node.isList())));
        }
        if (node.keys().stream().noneMatch(MATCHERS::contains)) {
            String first = node.keys().isEmpty() ? "" : node.keys().iterator().next();
            value.problem("expected a value or matchers (" + String.join(", ", MATCHERS) + "), found key '" + first + "'"
                    + Suggestions.didYouMean(first, MATCHERS) + "; to compare with an object write { equals: {...} }");
            value.known(node.keys().toArray(String[]::new));
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
        value.raw("equals").ifPresent(expected -> checks.add(
                new ValueMatcher.Check(Rules.equalTo(expected), expected.isList())));
        pattern(value, "matches").ifPresent(pattern -> checks.add(onEach(Rules.matching(pattern))));
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
    private static Optional<ConfigNode> scalar(Spec value, String key) {
        Optional<ConfigNode> expected = value.raw(key);
        if (expected.isPresent() && !expected.get().isScalar()) {
            value.problem(key, "expected a value to look for, found " + expected.get().describeType());
            return Optional.empty();
        }
        return expected;
    }

    /** {@code length: 6} (exactly) or {@code length: { ge: 6, lt: 10 }}. */
    private static void length(Spec value, List<ValueMatcher.Check> checks) {
        Optional<ConfigNode> raw = value.raw("length");
        if (raw.isEmpty()) {
            return;
        }
        if (!raw.get().isMap()) {
            value.optionalInteger("length", 0, Integer.MAX_VALUE)
                    .ifPresent(length -> checks.add(onTheList(Rules.length("equals", length))));
            return;
        }
        Spec bounds = value.child("length").orElseThrow();
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

    /** A regular expression at {@code key}, compiled; reported at its location when invalid. */
    public static Optional<Pattern> pattern(Spec spec, String key) {
        Optional<ConfigNode> raw = spec.raw(key);
        if (raw.isEmpty() || raw.get().isNull()) {
            return Optional.empty();
        }
        if (raw.get().isDeferred()) {
            return Optional.of(Pattern.compile(".*"));
        }
        return spec.optionalString(key).flatMap(text -> {
            try {
                return Optional.of(Pattern.compile(text));
            } catch (PatternSyntaxException invalid) {
                spec.problem(key, "'" + text + "' is not a valid regular expression: " + invalid.getDescription()
                        + " near index " + invalid.getIndex());
                return Optional.empty();
            }
        });
    }
}
