package org.postpatch.probes.http.expect.jsonpath;

/**
 * A term of a filter as parsed, before it is known how it is used (compared, tested, or passed to
 * a function), which decides whether it is well-typed.
 *
 * @param expression an {@link Expressions.Value}, {@link Expressions.Logical} or {@link Expressions.Nodes}
 * @param start      where it starts in the query, for messages
 * @param written    its text, for messages
 */
record Operand(Object expression, Kind kind, int start, String written) {

    /** What the term is. */
    enum Kind { LITERAL, QUERY, VALUE_FUNCTION, LOGICAL_FUNCTION, NODES_FUNCTION, LOGICAL }
}
