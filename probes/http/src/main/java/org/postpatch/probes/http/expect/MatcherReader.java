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
 * {@code { matches: "[0-9a-f-]{36}" }} or {@code { gt: 0, lt: 100 }}. Regular expressions are
 * compiled here, once, and problems are reported at their line and column.
 */
public final class MatcherReader {

    /** Every matcher name, in the order they are checked. */
    public static final List<String> MATCHERS = List.of("exists", "absent", "type", "equals", "matches", "contains",
            "length", "gt", "ge", "lt", "le");

    private static final Set<String> TYPES = Set.of("string", "number", "boolean", "object", "array", "null");

    private MatcherReader() {
    }

    /** The matcher declared by {@code value}, the spec of one JSONPath or header entry. */
    public static ValueMatcher read(Spec value) {
        ConfigNode node = value.node();
        if (!node.isMap()) {
            return new ValueMatcher(List.of(Rules.equalTo(node)));
        }
        if (node.keys().stream().noneMatch(MATCHERS::contains)) {
            String first = node.keys().isEmpty() ? "" : node.keys().iterator().next();
            value.problem("expected a value or matchers (" + String.join(", ", MATCHERS) + "), found key '" + first + "'"
                    + Suggestions.didYouMean(first, MATCHERS) + "; to compare with an object write { equals: {...} }");
            value.known(node.keys().toArray(String[]::new));
            return new ValueMatcher(List.of());
        }
        List<Rule> rules = new ArrayList<>();
        value.optionalBool("exists").ifPresent(exists -> rules.add(Rules.present(exists)));
        value.optionalBool("absent").ifPresent(absent -> rules.add(Rules.present(!absent)));
        value.optionalString("type").ifPresent(type -> {
            if (TYPES.contains(type)) {
                rules.add(Rules.type(type));
            } else {
                value.problem("type", "expected one of string, number, boolean, object, array, null, found '" + type + "'"
                        + Suggestions.didYouMean(type, TYPES));
            }
        });
        value.raw("equals").ifPresent(expected -> rules.add(Rules.equalTo(expected)));
        pattern(value, "matches").ifPresent(pattern -> rules.add(Rules.matching(pattern)));
        value.raw("contains").ifPresent(expected -> {
            if (expected.isScalar()) {
                rules.add(Rules.containing(expected));
            } else {
                value.problem("contains", "expected a value to look for, found " + expected.describeType());
            }
        });
        value.optionalInteger("length", 0, Integer.MAX_VALUE).ifPresent(length -> rules.add(Rules.length(length)));
        for (String operator : List.of("gt", "ge", "lt", "le")) {
            Optional<BigDecimal> bound = value.optionalNumber(operator);
            bound.ifPresent(number -> rules.add(Rules.compared(operator, number)));
        }
        return new ValueMatcher(rules);
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
