package org.postpatch.docs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.postpatch.spi.Key;
import org.postpatch.spi.Shape;

/**
 * A shape as JSON Schema (draft-07), as lenient as postpatch's own reading: any scalar is accepted
 * where a string is, numbers and booleans may be quoted, and any value may be a {@code ${...}}
 * reference, known only once variables are resolved.
 */
final class ShapeSchema {

    /** Where the shared definition of a {@code ${...}} reference is. */
    static final String VARIABLE = "#/definitions/variable";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String DURATION = "^\\s*([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+\\s*$";
    private static final String WHOLE_NUMBER = "^\\s*[-+]?[0-9]+\\s*$";
    private static final String NUMBER = "^\\s*[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*$";

    private ShapeSchema() {
    }

    /** The definition of a {@code ${...}} reference: a string holding one. */
    static ObjectNode variable() {
        return JSON.objectNode().put("type", "string").put("pattern", "\\$\\{")
                .put("description", "A value with ${...} references, known once they are resolved.");
    }

    static ObjectNode of(Shape shape) {
        return switch (shape.type()) {
            case STRING, REGULAR_EXPRESSION -> text();
            case WHOLE_NUMBER -> orVariable(wholeNumber(shape), pattern(WHOLE_NUMBER));
            case NUMBER -> orVariable(JSON.objectNode().put("type", "number"), pattern(NUMBER));
            case BOOLEAN -> orVariable(JSON.objectNode().put("type", "boolean"), words("true", "false"));
            case DURATION -> orVariable(pattern(DURATION));
            case CHOICE -> orVariable(words(shape.choices().toArray(String[]::new)));
            case LIST -> JSON.objectNode().put("type", "array").set("items", of(shape.item().orElseThrow()));
            case MAP -> JSON.objectNode().put("type", "object").set("additionalProperties", of(shape.item().orElseThrow()));
            case BLOCK -> block(shape);
            case EITHER -> {
                ArrayNode alternatives = JSON.arrayNode();
                shape.alternatives().forEach(alternative -> alternatives.add(of(alternative)));
                yield JSON.objectNode().set("anyOf", alternatives);
            }
            case ANY -> JSON.objectNode();
        };
    }

    /** A map of declared keys, none other; a one-key block holds exactly one of them. */
    static ObjectNode block(Shape shape) {
        ObjectNode block = JSON.objectNode().put("type", "object");
        ObjectNode properties = block.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (Key key : shape.keys()) {
            properties.set(key.name(), property(key));
            if (key.required()) {
                required.add(key.name());
            }
        }
        if (!required.isEmpty()) {
            block.set("required", required);
        }
        if (shape.isOneKey()) {
            block.put("minProperties", 1).put("maxProperties", 1);
        }
        return block.put("additionalProperties", false);
    }

    /** A key's value, with its meaning for an editor to show. */
    static ObjectNode property(Key key) {
        ObjectNode described = JSON.objectNode().put("description", key.meaning());
        described.setAll(of(key.shape()));
        return described;
    }

    private static ObjectNode text() {
        ObjectNode text = JSON.objectNode();
        text.putArray("type").add("string").add("number").add("boolean");
        return text;
    }

    private static ObjectNode wholeNumber(Shape shape) {
        ObjectNode number = JSON.objectNode().put("type", "integer");
        if (shape.min() > Long.MIN_VALUE) {
            number.put("minimum", shape.min());
        }
        if (shape.max() < Integer.MAX_VALUE) {
            number.put("maximum", shape.max());
        }
        return number;
    }

    private static ObjectNode pattern(String regex) {
        return JSON.objectNode().put("type", "string").put("pattern", regex);
    }

    private static ObjectNode words(String... words) {
        ObjectNode choice = JSON.objectNode();
        ArrayNode values = choice.putArray("enum");
        for (String word : words) {
            values.add(word);
        }
        return choice;
    }

    private static ObjectNode orVariable(ObjectNode... forms) {
        ArrayNode anyOf = JSON.arrayNode();
        for (ObjectNode form : forms) {
            anyOf.add(form);
        }
        anyOf.add(JSON.objectNode().put("$ref", VARIABLE));
        return JSON.objectNode().set("anyOf", anyOf);
    }
}
