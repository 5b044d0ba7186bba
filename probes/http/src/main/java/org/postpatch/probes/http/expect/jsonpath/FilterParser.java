package org.postpatch.probes.http.expect.jsonpath;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the expression of a filter selector ({@code ?@.price < 10 && @.sku}) and checks that it is
 * well-typed (RFC 9535 section 2.4.3): literals and function results are compared, only singular
 * queries are compared, and each function argument has its parameter's type.
 */
final class FilterParser {

    private static final List<String> COMPARISONS = List.of("==", "!=", "<=", ">=", "<", ">");
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final Cursor cursor;

    private FilterParser(Cursor cursor) {
        this.cursor = cursor;
    }

    static Expressions.Logical parse(Cursor cursor) {
        return new FilterParser(cursor).or(null);
    }

    private Expressions.Logical or(Operand first) {
        List<Expressions.Logical> operands = new ArrayList<>(List.of(and(first)));
        while (operator("||")) {
            operands.add(and(null));
        }
        return operands.size() == 1 ? operands.get(0) : new Expressions.Or(operands);
    }

    private Expressions.Logical and(Operand first) {
        List<Expressions.Logical> operands = new ArrayList<>(List.of(basic(first)));
        while (operator("&&")) {
            operands.add(basic(null));
        }
        return operands.size() == 1 ? operands.get(0) : new Expressions.And(operands);
    }

    /** Consumes a binary operator and the blank space around it, when it comes next. */
    private boolean operator(String symbol) {
        int before = cursor.position();
        cursor.skipBlank();
        if (cursor.take(symbol)) {
            cursor.skipBlank();
            return true;
        }
        cursor.moveTo(before);
        return false;
    }

    private Expressions.Logical basic(Operand first) {
        Operand left = first;
        if (left == null) {
            if (cursor.take("!")) {
                cursor.skipBlank();
                return new Expressions.Not(cursor.peek() == '(' ? parenthesized() : test(operand()));
            }
            if (cursor.peek() == '(') {
                return parenthesized();
            }
            left = operand();
        }
        int before = cursor.position();
        cursor.skipBlank();
        for (String comparison : COMPARISONS) {
            if (cursor.take(comparison)) {
                cursor.skipBlank();
                Operand right = operand();
                return new Expressions.Comparison(comparable(left), comparison, comparable(right));
            }
        }
        cursor.moveTo(before);
        return test(left);
    }

    private Expressions.Logical parenthesized() {
        int open = cursor.position();
        cursor.skip(1);
        cursor.skipBlank();
        Expressions.Logical inside = or(null);
        cursor.skipBlank();
        if (cursor.atEnd()) {
            throw cursor.errorAt(open, "unclosed '('");
        }
        cursor.expect(')', "')'");
        return inside;
    }

    /** A literal, a query from {@code @} or {@code $}, or a function call. */
    private Operand operand() {
        int start = cursor.position();
        char c = cursor.peek();
        if (Literals.isQuote(c)) {
            return operand(new Expressions.Literal(NODES.textNode(Literals.string(cursor))), Operand.Kind.LITERAL, start);
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return operand(new Expressions.Literal(NODES.numberNode(Literals.number(cursor))), Operand.Kind.LITERAL, start);
        }
        if (c == '@' || c == '$') {
            cursor.skip(1);
            Query query = QueryParser.segments(cursor);
            return operand(new Expressions.Selection(query, c == '@'), Operand.Kind.QUERY, start);
        }
        if (c >= 'a' && c <= 'z') {
            return word(start);
        }
        throw cursor.error("expected a value, a query (@... or $...) or a function but found " + cursor.found());
    }

    private Operand operand(Object expression, Operand.Kind kind, int start) {
        return new Operand(expression, kind, start, cursor.text().substring(start, cursor.position()));
    }

    private Operand word(int start) {
        while ((cursor.peek() >= 'a' && cursor.peek() <= 'z') || (cursor.peek() >= '0' && cursor.peek() <= '9')
                || cursor.peek() == '_') {
            cursor.skip(1);
        }
        String word = cursor.text().substring(start, cursor.position());
        if (cursor.peek() != '(') {
            return switch (word) {
                case "true" -> operand(new Expressions.Literal(NODES.booleanNode(true)), Operand.Kind.LITERAL, start);
                case "false" -> operand(new Expressions.Literal(NODES.booleanNode(false)), Operand.Kind.LITERAL, start);
                case "null" -> operand(new Expressions.Literal(NODES.nullNode()), Operand.Kind.LITERAL, start);
                default -> throw cursor.errorAt(start, Functions.find(word) != null
                        ? "a function name is followed directly by '(': " + word + "(...)"
                        : "unexpected '" + word + "': expected true, false, null, a number, a string in quotes,"
                        + " a query (@... or $...) or a function (" + String.join(", ", Functions.NAMES) + ")");
            };
        }
        return call(word, start);
    }

    private Operand call(String name, int start) {
        Functions.Signature signature = Functions.find(name);
        if (signature == null) {
            throw cursor.errorAt(start, "unknown function " + name + "(); the functions are "
                    + String.join(", ", Functions.NAMES));
        }
        cursor.skip(1);
        cursor.skipBlank();
        List<Operand> arguments = new ArrayList<>();
        if (!cursor.take(")")) {
            while (true) {
                arguments.add(argument());
                cursor.skipBlank();
                if (cursor.take(")")) {
                    break;
                }
                cursor.expect(',', "',' or ')' after an argument of " + name + "()");
                cursor.skipBlank();
            }
        }
        int count = signature.parameters().size();
        if (arguments.size() != count) {
            throw cursor.errorAt(start, name + "() takes " + count + (count == 1 ? " argument" : " arguments")
                    + ", found " + arguments.size());
        }
        List<Object> checked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            checked.add(Arguments.convert(cursor, signature, i, arguments.get(i)));
        }
        Operand.Kind kind = switch (signature.result()) {
            case VALUE -> Operand.Kind.VALUE_FUNCTION;
            case LOGICAL -> Operand.Kind.LOGICAL_FUNCTION;
            case NODES -> Operand.Kind.NODES_FUNCTION;
        };
        return operand(Functions.call(signature, checked), kind, start);
    }

    /** A function argument: a literal, a query, a function call, or a whole logical expression. */
    private Operand argument() {
        int start = cursor.position();
        if (cursor.peek() == '!' || cursor.peek() == '(') {
            return operand(or(null), Operand.Kind.LOGICAL, start);
        }
        Operand first = operand();
        int after = cursor.position();
        cursor.skipBlank();
        boolean continues = COMPARISONS.stream().anyMatch(cursor::lookingAt) || cursor.lookingAt("&&")
                || cursor.lookingAt("||");
        cursor.moveTo(after);
        return continues ? operand(or(first), Operand.Kind.LOGICAL, start) : first;
    }

    /** An operand used on its own as a test: a query (true when it selects something) or a logical function. */
    private Expressions.Logical test(Operand operand) {
        return switch (operand.kind()) {
            case QUERY, NODES_FUNCTION -> new Expressions.Exists((Expressions.Nodes) operand.expression());
            case LOGICAL_FUNCTION, LOGICAL -> (Expressions.Logical) operand.expression();
            case LITERAL -> throw cursor.errorAt(operand.start(), "the literal " + operand.written()
                    + " must be compared (like @.a == " + operand.written() + ")");
            case VALUE_FUNCTION -> throw cursor.errorAt(operand.start(), "the result of " + operand.written()
                    + " must be compared (like " + operand.written() + " > 0)");
        };
    }

    /** An operand of a comparison: a literal, a singular query, or a function that returns a value. */
    private Expressions.Value comparable(Operand operand) {
        return switch (operand.kind()) {
            case LITERAL, VALUE_FUNCTION -> (Expressions.Value) operand.expression();
            case QUERY -> {
                Expressions.Selection selection = (Expressions.Selection) operand.expression();
                if (!selection.query().isComparable()) {
                    throw cursor.errorAt(operand.start(), operand.written() + (selection.query().isSingular()
                            ? " is compared, so it is written without blank space inside its brackets"
                            : " can select several nodes, so it cannot be compared; only a singular query"
                            + " (names and indexes, like @.a or @[0]) can"));
                }
                yield new Expressions.SingularValue(selection);
            }
            default -> throw cursor.errorAt(operand.start(), operand.written()
                    + " is true or false and cannot be compared; use it on its own as the test");
        };
    }
}
