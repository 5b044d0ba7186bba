package org.postpatch.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What a value in a probe block may be: a string, a whole number within bounds, a duration, a list of
 * something, a block of declared {@link Key keys}, one of several shapes... A kind declares its block
 * as a shape ({@link ProbeKind#declaration()}); {@link Spec} reads only keys it declares, and the
 * JSON Schema for probe files and the kinds' key tables are generated from it. Immutable.
 * <pre>{@code
 * Shape.block(
 *         Key.required("host", Shape.string(), "Host name or address to connect to."),
 *         Key.required("port", Shape.wholeNumber(1, 65_535), "Port to connect to."))
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Shape {

    /** What kind of value a shape describes. */
    public enum Type {
        /** Any scalar, read as its text: {@code 8080} and {@code true} are strings too. */
        STRING,
        WHOLE_NUMBER,
        NUMBER,
        BOOLEAN,
        /** {@code 500ms}, {@code 5s}, {@code 1m30s}. */
        DURATION,
        REGULAR_EXPRESSION,
        /** One of a few words. */
        CHOICE,
        LIST,
        /** A map whose keys are free (header names, JSONPaths), every value of one shape. */
        MAP,
        /** A map of declared keys. */
        BLOCK,
        /** Any of several shapes, such as a whole number or a list of them. */
        EITHER,
        /** Anything at all (a JSON body, an inline JSON Schema). */
        ANY
    }

    private static final Shape ANY = new Shape(Type.ANY, null, 0, 0, List.of(), null, List.of(), false, List.of());

    private final Type type;
    private final String documentedAs;
    private final long min;
    private final long max;
    private final List<String> choices;
    private final Shape item;
    private final List<Key> keys;
    private final boolean oneKey;
    private final List<Shape> alternatives;

    private Shape(Type type, String documentedAs, long min, long max, List<String> choices, Shape item, List<Key> keys,
                  boolean oneKey, List<Shape> alternatives) {
        this.type = type;
        this.documentedAs = documentedAs;
        this.min = min;
        this.max = max;
        this.choices = List.copyOf(choices);
        this.item = item;
        this.keys = List.copyOf(keys);
        this.oneKey = oneKey;
        this.alternatives = List.copyOf(alternatives);
    }

    private static Shape of(Type type) {
        return new Shape(type, null, 0, 0, List.of(), null, List.of(), false, List.of());
    }

    /** Text; any scalar is accepted as its text. */
    public static Shape string() {
        return of(Type.STRING);
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    public static Shape wholeNumber(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("a whole number's min (" + min + ") must not be greater than its max (" + max + ")");
        }
        return new Shape(Type.WHOLE_NUMBER, null, min, max, List.of(), null, List.of(), false, List.of());
    }

    /** A number, whole or not. */
    public static Shape number() {
        return of(Type.NUMBER);
    }

    /** {@code true} or {@code false}. */
    public static Shape bool() {
        return of(Type.BOOLEAN);
    }

    /** A duration such as {@code 500ms}, {@code 5s} or {@code 1m30s}. */
    public static Shape duration() {
        return of(Type.DURATION);
    }

    /** A Java regular expression, read with {@link Spec#pattern}. */
    public static Shape pattern() {
        return of(Type.REGULAR_EXPRESSION);
    }

    /** One of these words. */
    public static Shape choice(String... words) {
        if (words.length == 0) {
            throw new IllegalArgumentException("a choice needs at least one word");
        }
        return new Shape(Type.CHOICE, null, 0, 0, List.of(words), null, List.of(), false, List.of());
    }

    /** A list whose items have this shape. */
    public static Shape listOf(Shape item) {
        return new Shape(Type.LIST, null, 0, 0, List.of(), Objects.requireNonNull(item, "item"), List.of(), false, List.of());
    }

    /** A map with free keys (names, JSONPaths) whose values have this shape. */
    public static Shape mapOf(Shape value) {
        return new Shape(Type.MAP, null, 0, 0, List.of(), Objects.requireNonNull(value, "value"), List.of(), false, List.of());
    }

    /** A map of these keys, in the order they are documented. */
    public static Shape block(Key... keys) {
        return new Shape(Type.BLOCK, null, 0, 0, List.of(), null, checked(keys), false, List.of());
    }

    /** A map with exactly one of these keys, such as a step of a {@code ui} probe. */
    public static Shape oneKeyOf(Key... keys) {
        return new Shape(Type.BLOCK, null, 0, 0, List.of(), null, checked(keys), true, List.of());
    }

    /** Any of these shapes, such as {@code either(wholeNumber(0, 255), listOf(wholeNumber(0, 255)))}. */
    public static Shape either(Shape... alternatives) {
        if (alternatives.length < 2) {
            throw new IllegalArgumentException("either needs at least two shapes, found " + alternatives.length);
        }
        return new Shape(Type.EITHER, null, 0, 0, List.of(), null, List.of(), false, List.of(alternatives));
    }

    /** Anything: a scalar, a list or a map of any content. */
    public static Shape any() {
        return ANY;
    }

    /**
     * The same shape, named this way in the documentation: {@code "path"}, {@code "URL"},
     * {@code "version range"}. Validation is unchanged.
     */
    public Shape documentedAs(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("documentedAs needs a name, found '" + name + "'");
        }
        return new Shape(type, name, min, max, choices, item, keys, oneKey, alternatives);
    }

    private static List<Key> checked(Key... keys) {
        Map<String, Key> byName = new LinkedHashMap<>();
        for (Key key : keys) {
            if (byName.putIfAbsent(key.name(), key) != null) {
                throw new IllegalArgumentException("two keys are named '" + key.name() + "' in one block");
            }
        }
        return new ArrayList<>(byName.values());
    }

    public Type type() {
        return type;
    }

    /** The name given with {@link #documentedAs}, if any. */
    public Optional<String> documentedName() {
        return Optional.ofNullable(documentedAs);
    }

    /** The smallest whole number allowed. */
    public long min() {
        return min;
    }

    /** The largest whole number allowed. */
    public long max() {
        return max;
    }

    /** The words of a {@link Type#CHOICE}. */
    public List<String> choices() {
        return choices;
    }

    /** The shape of a list's items or of a map's values. */
    public Optional<Shape> item() {
        return Optional.ofNullable(item);
    }

    /** The keys of a {@link Type#BLOCK}, in documentation order. */
    public List<Key> keys() {
        return keys;
    }

    /** True for a block that holds exactly one of its keys. */
    public boolean isOneKey() {
        return oneKey;
    }

    /** The shapes of an {@link Type#EITHER}. */
    public List<Shape> alternatives() {
        return alternatives;
    }

    /** The key of this block, or of a block this shape may be, named {@code name}. */
    public Optional<Key> key(String name) {
        for (Shape shape : forms()) {
            for (Key key : shape.keys) {
                if (key.name().equals(name)) {
                    return Optional.of(key);
                }
            }
        }
        return Optional.empty();
    }

    /** Every key this shape declares as a block, for "did you mean" suggestions. */
    Set<String> keyNames() {
        Set<String> names = new LinkedHashSet<>();
        forms().forEach(shape -> shape.keys.forEach(key -> names.add(key.name())));
        return names;
    }

    /** True when a map of this shape may hold {@code name}. */
    boolean allowsKey(String name) {
        return freeKeys() || key(name).isPresent();
    }

    /** True when a map of this shape may hold any key: a {@link Type#MAP} or {@link Type#ANY}. */
    boolean freeKeys() {
        return forms().stream().anyMatch(shape -> shape.type == Type.MAP || shape.type == Type.ANY);
    }

    /** The shape of the value at {@code name} in a map of this shape. */
    Shape child(String name) {
        Optional<Key> declared = key(name);
        if (declared.isPresent()) {
            return declared.get().shape();
        }
        return forms().stream().filter(shape -> shape.type == Type.MAP).findFirst().map(shape -> shape.item)
                .orElse(ANY);
    }

    /** The shape of a list item, or empty when this shape is never a list. */
    Optional<Shape> listItem() {
        return forms().stream().filter(shape -> shape.type == Type.LIST || shape.type == Type.ANY).findFirst()
                .map(shape -> shape.type == Type.ANY ? ANY : shape.item);
    }

    /** This shape, or the shapes it may be, with nested {@code either}s flattened. */
    private List<Shape> forms() {
        if (type != Type.EITHER) {
            return List.of(this);
        }
        List<Shape> forms = new ArrayList<>();
        alternatives.forEach(alternative -> forms.addAll(alternative.forms()));
        return forms;
    }

    @Override
    public String toString() {
        return switch (type) {
            case WHOLE_NUMBER -> "WHOLE_NUMBER[" + min + ".." + max + "]";
            case CHOICE -> "CHOICE" + choices;
            case LIST, MAP -> type + "<" + item + ">";
            case BLOCK -> (oneKey ? "ONE_KEY_OF" : "BLOCK") + keys.stream().map(Key::name).toList();
            case EITHER -> "EITHER" + alternatives;
            default -> type.name();
        };
    }
}
