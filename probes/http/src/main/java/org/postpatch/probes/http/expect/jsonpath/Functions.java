package org.postpatch.probes.http.expect.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.regex.Pattern;

/** The function extensions RFC 9535 defines (section 2.4): their signatures, and what each computes. */
final class Functions {

    /** The declared types of parameters and results. */
    enum Type {
        VALUE("a value"), LOGICAL("true or false"), NODES("a nodelist");

        final String described;

        Type(String described) {
            this.described = described;
        }
    }

    /** A function's name, result type and parameter types. */
    record Signature(String name, Type result, List<Type> parameters) {
    }

    static final List<String> NAMES = List.of("length", "count", "match", "search", "value");

    private Functions() {
    }

    /** The signature of the standard function with this name, or null. */
    static Signature find(String name) {
        return switch (name) {
            case "length" -> new Signature(name, Type.VALUE, List.of(Type.VALUE));
            case "count", "value" -> new Signature(name, Type.VALUE, List.of(Type.NODES));
            case "match", "search" -> new Signature(name, Type.LOGICAL, List.of(Type.VALUE, Type.VALUE));
            default -> null;
        };
    }

    /**
     * The call, its arguments already checked against the signature: an {@link Expressions.Value}
     * or an {@link Expressions.Logical}.
     */
    static Object call(Signature signature, List<Object> arguments) {
        return switch (signature.name()) {
            case "length" -> new Length((Expressions.Value) arguments.get(0));
            case "count" -> new Count((Expressions.Nodes) arguments.get(0));
            case "value" -> new SingleValue((Expressions.Nodes) arguments.get(0));
            default -> {
                Expressions.Value pattern = (Expressions.Value) arguments.get(1);
                // A regular expression written in the query is translated once, when it is parsed.
                JsonNode written = pattern instanceof Expressions.Literal literal ? literal.literal() : null;
                Pattern fixed = written != null && written.isTextual() ? IRegexp.compile(written.textValue()) : null;
                yield new RegexTest((Expressions.Value) arguments.get(0), pattern, signature.name().equals("match"),
                        written != null, fixed);
            }
        };
    }

    /** length(): characters of a string (Unicode scalar values), items of an array, members of an object. */
    record Length(Expressions.Value argument) implements Expressions.Value {
        @Override
        public JsonNode value(JsonNode current, JsonNode root) {
            JsonNode value = argument.value(current, root);
            if (value == null) {
                return null;
            }
            if (value.isTextual()) {
                String text = value.textValue();
                return JsonNodeFactory.instance.numberNode(text.codePointCount(0, text.length()));
            }
            return value.isArray() || value.isObject() ? JsonNodeFactory.instance.numberNode(value.size()) : null;
        }
    }

    /** count(): how many nodes. */
    record Count(Expressions.Nodes argument) implements Expressions.Value {
        @Override
        public JsonNode value(JsonNode current, JsonNode root) {
            return JsonNodeFactory.instance.numberNode(argument.nodes(current, root).size());
        }
    }

    /** value(): the value of the only node, or Nothing. */
    record SingleValue(Expressions.Nodes argument) implements Expressions.Value {
        @Override
        public JsonNode value(JsonNode current, JsonNode root) {
            List<Node> nodes = argument.nodes(current, root);
            return nodes.size() == 1 ? nodes.get(0).value() : null;
        }
    }

    /** match() (the whole string) and search() (somewhere in it), with an I-Regexp; false for anything else. */
    record RegexTest(Expressions.Value text, Expressions.Value pattern, boolean whole, boolean literal, Pattern fixed)
            implements Expressions.Logical {
        @Override
        public boolean test(JsonNode current, JsonNode root) {
            JsonNode subject = text.value(current, root);
            if (subject == null || !subject.isTextual()) {
                return false;
            }
            Pattern compiled = fixed;
            if (!literal) {
                JsonNode expression = pattern.value(current, root);
                compiled = expression != null && expression.isTextual() ? IRegexp.compile(expression.textValue()) : null;
            }
            if (compiled == null) {
                return false;
            }
            return whole ? compiled.matcher(subject.textValue()).matches()
                    : compiled.matcher(subject.textValue()).find();
        }
    }
}
