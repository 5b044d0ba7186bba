package org.postpatch.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;

/**
 * JSON trees to text and back, and plain Java values to trees, on Jackson's streaming generator and tree nodes,
 * exactly as an {@code ObjectMapper} writes and converts them, without building one where it can be
 * helped: a mapper loads several hundred classes and the locale data of its date format, which a
 * command-line process would pay after its run, on the way to recording it, for nothing it needs.
 */
public final class JsonText {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonText() {
    }

    /** The tree as {@code ObjectMapper} writes it with {@code INDENT_OUTPUT}: Jackson's default pretty printer. */
    public static String indented(JsonNode node) {
        return write(node, true);
    }

    /** The tree in one line, as {@code ObjectMapper.writeValueAsString} (and {@code JsonNode.toString}) write it. */
    public static String compact(JsonNode node) {
        return write(node, false);
    }

    /**
     * A value as {@code ObjectMapper.valueToTree} converts it: texts, booleans, ints, longs and doubles,
     * lists and maps of them keyed by text, here; anything else (a custom kind's own objects) by a mapper.
     */
    public static JsonNode tree(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof String text) {
            return nodes.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return nodes.booleanNode(bool);
        }
        if (value instanceof Integer number) {
            return nodes.numberNode(number);
        }
        if (value instanceof Long number) {
            return nodes.numberNode(number);
        }
        if (value instanceof Double number) {
            return nodes.numberNode(number);
        }
        if (value instanceof Collection<?> items) {
            var array = nodes.arrayNode();
            items.forEach(item -> array.add(tree(item)));
            return array;
        }
        if (value instanceof Map<?, ?> map && map.keySet().stream().allMatch(String.class::isInstance)) {
            var object = nodes.objectNode();
            map.forEach((key, item) -> object.set((String) key, tree(item)));
            return object;
        }
        return Mapper.INSTANCE.valueToTree(value);
    }

    private static String write(JsonNode node, boolean indented) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(text)) {
            if (indented) {
                generator.useDefaultPrettyPrinter();
            }
            write(node, generator);
        } catch (IOException e) {
            // A StringWriter does not fail; a tree the generator refuses is a bug.
            throw new UncheckedIOException("could not write a JSON tree", e);
        }
        return text.toString();
    }

    private static void write(JsonNode node, JsonGenerator generator) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    generator.writeFieldName(field.getKey());
                    write(field.getValue(), generator);
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode item : node) {
                    write(item, generator);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NULL, MISSING -> generator.writeNull();
            case NUMBER -> writeNumber(node, generator);
            case BINARY -> generator.writeBinary(node.binaryValue());
            case POJO -> Mapper.INSTANCE.writeValue(generator, ((POJONode) node).getPojo());
        }
    }

    /**
     * JSON text as the tree {@code ObjectMapper.readTree} makes (ints, longs and big integers as
     * such, decimals as doubles), on Jackson's streaming parser: no mapper built for it.
     *
     * @throws IOException when the text is not one JSON value
     */
    public static JsonNode parse(String text) throws IOException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonNode value = value(parser, parser.nextToken());
            if (parser.nextToken() != null) {
                throw new IOException("more than one JSON value");
            }
            return value;
        }
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new IOException("the JSON ends too early");
        }
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = JsonNodeFactory.instance.objectNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    if (next != JsonToken.FIELD_NAME) {
                        throw new IOException("the JSON ends too early");
                    }
                    String name = parser.currentName();
                    object.set(name, value(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(value(parser, next));
                }
                return array;
            }
            case VALUE_STRING -> {
                return JsonNodeFactory.instance.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> JsonNodeFactory.instance.numberNode(parser.getIntValue());
                    case LONG -> JsonNodeFactory.instance.numberNode(parser.getLongValue());
                    default -> JsonNodeFactory.instance.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return JsonNodeFactory.instance.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return JsonNodeFactory.instance.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return JsonNodeFactory.instance.nullNode();
            }
            default -> throw new IOException("unexpected " + token + " in JSON");
        }
    }

    private static void writeNumber(JsonNode node, JsonGenerator generator) throws IOException {
        switch (node.numberType()) {
            case INT -> generator.writeNumber(node.intValue());
            case LONG -> generator.writeNumber(node.longValue());
            case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
            case FLOAT -> generator.writeNumber(node.floatValue());
            case DOUBLE -> generator.writeNumber(node.doubleValue());
            case BIG_DECIMAL -> generator.writeNumber(node.decimalValue());
        }
    }

    /** The mapper for what only a mapper knows how to convert, built on first use. */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper();
    }
}
