package org.postpatch.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * An immutable tree read from a probe file in which every value and every key remembers where it
 * was written, so that any problem found later can still name file, line and column.
 */
@API(status = INTERNAL, since = "0.1")
public final class ConfigNode {

    /** What a node holds. */
    public enum Type { MAP, LIST, STRING, NUMBER, BOOLEAN, NULL }

    /** A map entry: the key's own location and the value. */
    public record Entry(SourceLocation keyLocation, ConfigNode value) {
    }

    private final Type type;
    private final SourceLocation location;
    private final Map<String, Entry> entries;
    private final List<ConfigNode> items;
    private final Object scalar;
    private final String raw;
    private final boolean deferred;
    private final List<TextPart> parts;

    private ConfigNode(Type type, SourceLocation location, Map<String, Entry> entries, List<ConfigNode> items,
                       Object scalar, String raw, boolean deferred) {
        this(type, location, entries, items, scalar, raw, deferred, null);
    }

    private ConfigNode(Type type, SourceLocation location, Map<String, Entry> entries, List<ConfigNode> items,
                       Object scalar, String raw, boolean deferred, List<TextPart> parts) {
        this.type = type;
        this.location = location;
        this.entries = entries;
        this.items = items;
        this.scalar = scalar;
        this.raw = raw;
        this.deferred = deferred;
        this.parts = parts;
    }

    public static ConfigNode map(SourceLocation location, Map<String, Entry> entries) {
        return new ConfigNode(Type.MAP, location, Collections.unmodifiableMap(new LinkedHashMap<>(entries)),
                List.of(), null, null, false);
    }

    public static ConfigNode list(SourceLocation location, List<ConfigNode> items) {
        return new ConfigNode(Type.LIST, location, Map.of(), List.copyOf(items), null, null, false);
    }

    public static ConfigNode string(SourceLocation location, String value) {
        return new ConfigNode(Type.STRING, location, Map.of(), List.of(), value, value, false);
    }

    /**
     * A string resolved from a template with {@code ${...}} references: its text is the parts joined,
     * and {@link #parts()} still tells what was written from what was put in.
     */
    public static ConfigNode resolved(SourceLocation location, List<TextPart> parts) {
        String text = TextPart.join(parts);
        return new ConfigNode(Type.STRING, location, Map.of(), List.of(), text, text, false, List.copyOf(parts));
    }

    /** A number; {@code written} is its text as written ({@code 2.10} stays {@code 2.10} as text). */
    public static ConfigNode number(SourceLocation location, BigDecimal value, String written) {
        return new ConfigNode(Type.NUMBER, location, Map.of(), List.of(), value, written, false);
    }

    public static ConfigNode bool(SourceLocation location, boolean value) {
        return new ConfigNode(Type.BOOLEAN, location, Map.of(), List.of(), value, String.valueOf(value), false);
    }

    public static ConfigNode nullValue(SourceLocation location) {
        return new ConfigNode(Type.NULL, location, Map.of(), List.of(), null, null, false);
    }

    /**
     * A string whose final value is only known when the probe runs (it uses a value captured by a
     * probe it needs). Validation accepts it for any scalar type; it is checked again at run time.
     */
    public ConfigNode asDeferred() {
        return new ConfigNode(type, location, entries, items, scalar, raw, true, parts);
    }

    public Type type() {
        return type;
    }

    public SourceLocation location() {
        return location;
    }

    public boolean isMap() {
        return type == Type.MAP;
    }

    public boolean isList() {
        return type == Type.LIST;
    }

    public boolean isScalar() {
        return type == Type.STRING || type == Type.NUMBER || type == Type.BOOLEAN;
    }

    public boolean isNull() {
        return type == Type.NULL;
    }

    /** True when this string value is only known at run time; see {@link #asDeferred()}. */
    public boolean isDeferred() {
        return deferred;
    }

    /** The entries of a map, in file order; empty for other types. */
    public Map<String, Entry> entries() {
        return entries;
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    /** The value at {@code key} of a map, or {@code null}. */
    public ConfigNode get(String key) {
        Entry entry = entries.get(key);
        return entry == null ? null : entry.value();
    }

    /** The location of {@code key} itself (better for "unknown key" messages), or this node's. */
    public SourceLocation keyLocation(String key) {
        Entry entry = entries.get(key);
        return entry == null ? location : entry.keyLocation();
    }

    public List<ConfigNode> items() {
        return items;
    }

    /** The scalar as text, exactly as written in the file ({@code 2.10}, not {@code 2.1}). */
    public String text() {
        return raw == null ? "" : raw;
    }

    /**
     * For a string resolved from {@code ${...}} references, what the author wrote and the values put
     * in, in order; for any other scalar, its text as one written part.
     */
    public List<TextPart> parts() {
        return parts != null ? parts : List.of(TextPart.written(text()));
    }

    /** True when this string was resolved from a template and holds at least one value put in for a reference. */
    public boolean hasValues() {
        return parts != null && parts.stream().anyMatch(TextPart::value);
    }

    /** The raw scalar: a String, BigDecimal or Boolean; null for containers and null. */
    public Object scalar() {
        return scalar;
    }

    /** A copy of this tree with every string value replaced by {@code change}. */
    public ConfigNode mapStrings(UnaryOperator<ConfigNode> change) {
        switch (type) {
            case STRING:
                return change.apply(this);
            case MAP:
                Map<String, Entry> mapped = new LinkedHashMap<>();
                entries.forEach((key, entry) ->
                        mapped.put(key, new Entry(entry.keyLocation(), entry.value().mapStrings(change))));
                return map(location, mapped);
            case LIST:
                List<ConfigNode> mappedItems = new ArrayList<>(items.size());
                items.forEach(item -> mappedItems.add(item.mapStrings(change)));
                return list(location, mappedItems);
            default:
                return this;
        }
    }

    /** True when any string in this tree is deferred. */
    public boolean hasDeferred() {
        return switch (type) {
            case STRING -> deferred;
            case MAP -> entries.values().stream().anyMatch(e -> e.value().hasDeferred());
            case LIST -> items.stream().anyMatch(ConfigNode::hasDeferred);
            default -> false;
        };
    }

    /**
     * The tree as plain Java values (LinkedHashMap, List, String, Long/Double/BigDecimal, Boolean,
     * null), for kinds that pass a value on as data, such as a JSON request body.
     */
    public Object toPlain() {
        return switch (type) {
            case MAP -> {
                Map<String, Object> plain = new LinkedHashMap<>();
                entries.forEach((key, entry) -> plain.put(key, entry.value().toPlain()));
                yield plain;
            }
            case LIST -> {
                List<Object> plain = new ArrayList<>(items.size());
                items.forEach(item -> plain.add(item.toPlain()));
                yield plain;
            }
            case NUMBER -> plainNumber((BigDecimal) scalar);
            default -> scalar;
        };
    }

    private static Object plainNumber(BigDecimal number) {
        if (number.scale() <= 0) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException tooLarge) {
                return number;
            }
        }
        return number.doubleValue();
    }

    /** Short description of the type for messages: "a map", "a list", "a string"... */
    public String describeType() {
        return switch (type) {
            case MAP -> "a map";
            case LIST -> "a list";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "nothing (null)";
        };
    }

    @Override
    public String toString() {
        return String.valueOf(toPlain());
    }
}
