package org.postpatch.probes.http.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.postpatch.api.ProbeContext;

/** The value tests behind JSONPath and header matchers. */
public final class Rules {

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private Rules() {
    }

    /**
     * Equal to a value as written in the probe file: null to JSON null, numbers numerically, other
     * scalars by their text (so {@code UP}, {@code 200} and {@code true} work unquoted), maps and lists
     * as JSON trees.
     */
    static Rule equalTo(Expected expected) {
        String shown = show(expected);
        return (found, context) -> {
            if (found.isMissingNode()) {
                return Optional.of("expected " + shown + " but it is absent");
            }
            return equal(expected, found) ? Optional.empty()
                    : Optional.of("expected " + shown + " but was " + Texts.show(context, found));
        };
    }

    static boolean equal(Expected expected, JsonNode found) {
        if (expected.isNull()) {
            return found.isNull();
        }
        if (expected.isScalar()) {
            if (!found.isValueNode() || found.isNull()) {
                return false;
            }
            if (found.isNumber() && !expected.isBoolean()) {
                BigDecimal number = number(expected.text());
                return number != null && number.compareTo(found.decimalValue()) == 0;
            }
            return found.asText().equals(expected.text());
        }
        JsonNode tree = Json.tree(expected.plain());
        return tree.equals(NUMBERS_BY_VALUE, found);
    }

    /** The whole text of a scalar matches the regular expression. */
    public static Rule matching(Pattern pattern) {
        return (found, context) -> {
            if (found.isValueNode() && !found.isNull() && pattern.matcher(found.asText()).matches()) {
                return Optional.empty();
            }
            return Optional.of("expected a value matching " + pattern.pattern() + " but " + was(context, found));
        };
    }

    /** A list holding an item equal to the value, or a text containing it. */
    static Rule containing(Expected expected) {
        String shown = show(expected);
        return (found, context) -> {
            if (found.isArray()) {
                for (JsonNode item : found) {
                    if (equal(expected, item)) {
                        return Optional.empty();
                    }
                }
            } else if (found.isValueNode() && !found.isNull() && found.asText().contains(expected.text())) {
                return Optional.empty();
            }
            return Optional.of("expected to contain " + shown + " but " + was(context, found));
        };
    }

    /** Neither a list holding an item equal to the value nor a text containing it; absent passes. */
    static Rule notContaining(Expected unwanted) {
        String shown = show(unwanted);
        return (found, context) -> {
            boolean contains = false;
            if (found.isArray()) {
                for (JsonNode item : found) {
                    contains |= equal(unwanted, item);
                }
            } else if (found.isValueNode() && !found.isNull()) {
                contains = found.asText().contains(unwanted.text());
            }
            return contains ? Optional.of("expected not to contain " + shown + " but " + was(context, found))
                    : Optional.empty();
        };
    }

    /** Present (any value, null included), or with {@code present} false, absent. */
    public static Rule present(boolean present) {
        return (found, context) -> {
            if (found.isMissingNode() != present) {
                return Optional.empty();
            }
            return Optional.of(present ? "expected to exist but it is absent"
                    : "expected to be absent but was " + Texts.show(context, found));
        };
    }

    /** A number (or numeric text) compared with a bound: {@code gt}, {@code ge}, {@code lt}, {@code le}. */
    public static Rule compared(String operator, BigDecimal bound) {
        return (found, context) -> {
            BigDecimal value = found.isNumber() ? found.decimalValue()
                    : found.isTextual() ? number(found.textValue()) : null;
            if (value != null && holds(operator, value.compareTo(bound))) {
                return Optional.empty();
            }
            return Optional.of("expected a number " + symbol(operator) + " " + bound.toPlainString() + " but "
                    + was(context, found));
        };
    }

    /**
     * The number of items of a list, entries of an object, or characters of a text, against a bound:
     * {@code equals} (the exact number), {@code gt}, {@code ge}, {@code lt} or {@code le}.
     */
    public static Rule length(String operator, long bound) {
        String expected = "expected length " + (operator.equals("equals") ? "" : symbol(operator) + " ") + bound;
        return (found, context) -> {
            long length;
            if (found.isArray() || found.isObject()) {
                length = found.size();
            } else if (found.isTextual()) {
                length = found.textValue().length();
            } else {
                return Optional.of(expected + " but " + was(context, found) + (found.isMissingNode() ? ""
                        : " (" + article(typeOf(found)) + " has no length)"));
            }
            return holds(operator, Long.compare(length, bound)) ? Optional.empty()
                    : Optional.of(expected + " but was " + length);
        };
    }

    private static String symbol(String operator) {
        return switch (operator) {
            case "gt" -> ">";
            case "ge" -> ">=";
            case "lt" -> "<";
            case "le" -> "<=";
            default -> "=";
        };
    }

    /** Whether {@code order} (a comparison's result against the bound) satisfies the operator. */
    private static boolean holds(String operator, int order) {
        return switch (operator) {
            case "gt" -> order > 0;
            case "ge" -> order >= 0;
            case "lt" -> order < 0;
            case "le" -> order <= 0;
            default -> order == 0;
        };
    }

    /** The JSON type: string, number, boolean, object, array or null. */
    public static Rule type(String expected) {
        return (found, context) -> {
            String actual = typeOf(found);
            return actual.equals(expected) ? Optional.empty()
                    : Optional.of("expected " + article(expected) + " but " + was(context, found));
        };
    }

    static String typeOf(JsonNode node) {
        if (node.isMissingNode()) {
            return "absent";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String was(ProbeContext context, JsonNode found) {
        if (found.isMissingNode()) {
            return "it is absent";
        }
        String type = typeOf(found);
        String value = Texts.show(context, found);
        return "was " + (found.isTextual() || found.isNumber() || found.isNull() ? value : article(type) + " " + value);
    }

    private static String article(String type) {
        return type.equals("null") ? "null" : (type.startsWith("a") || type.startsWith("o") ? "an " : "a ") + type;
    }

    private static String show(Expected expected) {
        if (expected.isNull()) {
            return "null";
        }
        if (expected.isString()) {
            return '"' + expected.text() + '"';
        }
        return expected.isScalar() ? expected.text() : String.valueOf(expected);
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException notNumber) {
            return null;
        }
    }
}
