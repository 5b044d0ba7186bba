package org.postpatch.probes.http.expect.jsonpath;

/** Checks a function argument against its parameter's declared type, converting it as RFC 9535 section 2.4.3 allows. */
final class Arguments {

    private Arguments() {
    }

    static Object convert(Cursor cursor, Functions.Signature signature, int index, Operand argument) {
        Functions.Type type = signature.parameters().get(index);
        Object expression = argument.expression();
        switch (type) {
            case VALUE -> {
                if (argument.kind() == Operand.Kind.LITERAL || argument.kind() == Operand.Kind.VALUE_FUNCTION) {
                    return expression;
                }
                if (argument.kind() == Operand.Kind.QUERY
                        && ((Expressions.Selection) expression).query().isComparable()) {
                    return new Expressions.SingularValue((Expressions.Selection) expression);
                }
            }
            case LOGICAL -> {
                if (argument.kind() == Operand.Kind.LOGICAL || argument.kind() == Operand.Kind.LOGICAL_FUNCTION) {
                    return expression;
                }
                if (argument.kind() == Operand.Kind.QUERY || argument.kind() == Operand.Kind.NODES_FUNCTION) {
                    return new Expressions.Exists((Expressions.Nodes) expression);
                }
            }
            case NODES -> {
                if (argument.kind() == Operand.Kind.QUERY || argument.kind() == Operand.Kind.NODES_FUNCTION) {
                    return expression;
                }
            }
        }
        throw cursor.errorAt(argument.start(), "argument " + (index + 1) + " of " + signature.name() + "() must be "
                + expected(type) + ", found " + argument.written());
    }

    private static String expected(Functions.Type type) {
        return switch (type) {
            case VALUE -> "a value: a literal, a singular query (names and indexes, like @.a) or a function"
                    + " returning a value";
            case LOGICAL -> "true or false: a query, a comparison or a logical function";
            case NODES -> "a query (like @.items or $..price)";
        };
    }
}
