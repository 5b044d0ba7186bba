package org.postpatch.probes.http.expect.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The parts of a filter, by the three types of RFC 9535 section 2.4.1: what yields a value (or
 * Nothing, as null), what yields true or false, and what yields a nodelist. Each is evaluated
 * against the filter's current node ({@code @}) and the document ({@code $}).
 */
final class Expressions {

    private Expressions() {
    }

    /** ValueType: a JSON value, or null for Nothing. */
    interface Value {
        JsonNode value(JsonNode current, JsonNode root);
    }

    /** LogicalType. */
    interface Logical {
        boolean test(JsonNode current, JsonNode root);
    }

    /** NodesType. */
    interface Nodes {
        List<Node> nodes(JsonNode current, JsonNode root);
    }

    record Literal(JsonNode literal) implements Value {
        @Override
        public JsonNode value(JsonNode current, JsonNode root) {
            return literal;
        }
    }

    /** A query inside a filter: relative to {@code @}, or absolute from {@code $}. */
    record Selection(Query query, boolean relative) implements Nodes {
        @Override
        public List<Node> nodes(JsonNode current, JsonNode root) {
            JsonNode start = relative ? current : root;
            return query.select(Node.root(start), root);
        }
    }

    /** A singular query used as a value: the node's value, or Nothing when it selects none. */
    record SingularValue(Selection selection) implements Value {
        @Override
        public JsonNode value(JsonNode current, JsonNode root) {
            List<Node> nodes = selection.nodes(current, root);
            return nodes.size() == 1 ? nodes.get(0).value() : null;
        }
    }

    /** A nodelist used as a test: true when it is not empty. */
    record Exists(Nodes nodes) implements Logical {
        @Override
        public boolean test(JsonNode current, JsonNode root) {
            return !nodes.nodes(current, root).isEmpty();
        }
    }

    record Not(Logical operand) implements Logical {
        @Override
        public boolean test(JsonNode current, JsonNode root) {
            return !operand.test(current, root);
        }
    }

    record And(List<Logical> operands) implements Logical {
        @Override
        public boolean test(JsonNode current, JsonNode root) {
            return operands.stream().allMatch(operand -> operand.test(current, root));
        }
    }

    record Or(List<Logical> operands) implements Logical {
        @Override
        public boolean test(JsonNode current, JsonNode root) {
            return operands.stream().anyMatch(operand -> operand.test(current, root));
        }
    }

    /** {@code left op right}, with {@code op} one of {@code == != < <= > >=}. */
    record Comparison(Value left, String operator, Value right) implements Logical {
        @Override
        public boolean test(JsonNode current, JsonNode root) {
            JsonNode a = left.value(current, root);
            JsonNode b = right.value(current, root);
            return switch (operator) {
                case "==" -> Values.equal(a, b);
                case "!=" -> !Values.equal(a, b);
                case "<" -> Values.less(a, b);
                case "<=" -> Values.less(a, b) || Values.equal(a, b);
                case ">" -> Values.less(b, a);
                default -> Values.less(b, a) || Values.equal(a, b);
            };
        }
    }
}
