package org.postpatch.probes.http.expect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * JSON for the http kind, on Jackson's streaming parser and tree nodes only. It deliberately avoids
 * {@code ObjectMapper}: building one loads several hundred classes (and locale data for its date
 * format), which a command-line run pays on its first response for nothing a probe needs.
 */
public final class Json {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private Json() {
    }

    /**
     * Parses a JSON document into a tree.
     *
     * @throws IOException when the bytes are not JSON, or empty
     */
    public static JsonNode parse(byte[] content) throws IOException {
        try (JsonParser parser = FACTORY.createParser(content)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new IOException("the body is empty");
            }
            return read(parser, token);
        }
    }

    /** Reads one value; containers without recursion, so deep documents cannot overflow the stack. */
    private static JsonNode read(JsonParser parser, JsonToken first) throws IOException {
        if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
            return scalar(parser, first);
        }
        Deque<JsonNode> open = new ArrayDeque<>();
        JsonNode root = first == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
        open.push(root);
        String field = null;
        for (JsonToken token = parser.nextToken(); !open.isEmpty(); token = parser.nextToken()) {
            if (token == null) {
                throw new IOException("the JSON document ends too early");
            }
            JsonNode value;
            switch (token) {
                case FIELD_NAME -> {
                    field = parser.currentName();
                    continue;
                }
                case END_OBJECT, END_ARRAY -> {
                    open.pop();
                    continue;
                }
                case START_OBJECT -> value = NODES.objectNode();
                case START_ARRAY -> value = NODES.arrayNode();
                default -> value = scalar(parser, token);
            }
            JsonNode parent = open.peek();
            if (parent instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) parent).add(value);
            }
            if (value.isContainerNode()) {
                open.push(value);
            }
        }
        return root;
    }

    private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IOException("unexpected " + token + " in JSON");
        };
    }

    /** A value read from a probe file (maps, lists, strings, numbers, booleans, null) as a tree. */
    public static JsonNode tree(Object plain) {
        if (plain == null) {
            return NODES.nullNode();
        }
        if (plain instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((key, value) -> object.set(String.valueOf(key), tree(value)));
            return object;
        }
        if (plain instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode(list.size());
            list.forEach(item -> array.add(tree(item)));
            return array;
        }
        if (plain instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (plain instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (plain instanceof Integer number) {
            return NODES.numberNode(number);
        }
        if (plain instanceof BigInteger number) {
            return NODES.numberNode(number);
        }
        if (plain instanceof BigDecimal number) {
            return NODES.numberNode(number);
        }
        if (plain instanceof Number number) {
            return NODES.numberNode(BigDecimal.valueOf(number.doubleValue()));
        }
        return NODES.textNode(String.valueOf(plain));
    }

    /** A value read from a probe file written as compact JSON, for request bodies and inline schemas. */
    public static byte[] write(Object plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, tree(plain));
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    /** A tree as compact JSON text. */
    public static String text(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, node);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A tree node factory whose numbers keep their exact decimals, as {@link #parse} makes them. */
    public static JsonNodeFactory nodes() {
        return NODES;
    }

    private static void write(JsonGenerator generator, JsonNode node) throws IOException {
        if (node.isObject()) {
            generator.writeStartObject();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                generator.writeFieldName(field.getKey());
                write(generator, field.getValue());
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (JsonNode item : node) {
                write(generator, item);
            }
            generator.writeEndArray();
        } else if (node.isTextual()) {
            generator.writeString(node.textValue());
        } else if (node.isBoolean()) {
            generator.writeBoolean(node.booleanValue());
        } else if (node.isNull()) {
            generator.writeNull();
        } else if (node.isBigDecimal()) {
            generator.writeNumber(node.decimalValue());
        } else if (node.isBigInteger()) {
            generator.writeNumber(node.bigIntegerValue());
        } else {
            generator.writeNumber(node.longValue());
        }
    }
}
