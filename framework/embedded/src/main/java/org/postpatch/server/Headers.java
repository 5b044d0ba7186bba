package org.postpatch.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** HTTP header fields in their order, names compared without regard to case. Immutable. */
public final class Headers {

    private static final Headers EMPTY = new Headers(List.of());

    private final List<Map.Entry<String, String>> fields;

    private Headers(List<Map.Entry<String, String>> fields) {
        this.fields = List.copyOf(fields);
    }

    /** No fields. */
    public static Headers empty() {
        return EMPTY;
    }

    /** These fields, in this order. */
    public static Headers of(List<Map.Entry<String, String>> fields) {
        return new Headers(fields);
    }

    /** The first value of this field, if present. */
    public Optional<String> first(String name) {
        for (Map.Entry<String, String> field : fields) {
            if (field.getKey().equalsIgnoreCase(name)) {
                return Optional.of(field.getValue());
            }
        }
        return Optional.empty();
    }

    /** Every value of this field, in order. */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> field : fields) {
            if (field.getKey().equalsIgnoreCase(name)) {
                values.add(field.getValue());
            }
        }
        return values;
    }

    /** True when a value of this comma-separated field (such as {@code Connection}) is this token. */
    public boolean hasToken(String name, String token) {
        for (String value : all(name)) {
            for (String part : value.split(",")) {
                if (part.strip().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** These fields with {@code name} set to this one value, replacing any it had. */
    public Headers with(String name, String value) {
        requireSafe(name, value);
        List<Map.Entry<String, String>> copy = new ArrayList<>(fields.size() + 1);
        for (Map.Entry<String, String> field : fields) {
            if (!field.getKey().equalsIgnoreCase(name)) {
                copy.add(field);
            }
        }
        copy.add(Map.entry(name, value));
        return new Headers(copy);
    }

    /** Every field, in order. */
    public List<Map.Entry<String, String>> fields() {
        return fields;
    }

    /** A name or value that would split the header section (CR, LF, NUL) is a programming error, never sent. */
    private static void requireSafe(String name, String value) {
        if (name.isEmpty() || !Tokens.isToken(name)) {
            throw new IllegalArgumentException("header name must be a token, was '" + name + "'");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("header " + name + " must not contain CR, LF or NUL");
            }
        }
    }
}
