package org.postpatch.spi;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.postpatch.config.ConfigNode;
import org.postpatch.config.Durations;
import org.postpatch.config.Problems;
import org.postpatch.config.SourceLocation;
import org.postpatch.config.Suggestions;

/**
 * A probe kind's view of its block in a probe file: typed getters that report a problem at the exact
 * line and column when a value is missing or of the wrong type, and a check for unknown keys
 * ("did you mean 'timeout'?") covering every key the kind did not read.
 *
 * <p>Getters never throw: on a problem they record it and return a neutral value, so one pass finds
 * every problem in a file.
 */
public final class Spec {

    private final ConfigNode node;
    private final Problems problems;
    private final String path;
    private final Set<String> read = new HashSet<>();
    private final List<Spec> children;
    private final int problemsAtStart;

    private Spec(ConfigNode node, Problems problems, String path, List<Spec> children) {
        this.node = node;
        this.problems = problems;
        this.path = path;
        this.children = children;
        this.problemsAtStart = problems.size();
    }

    /** The spec for a kind's block; {@code path} names it in messages, usually the kind's name. */
    public static Spec of(ConfigNode node, Problems problems, String path) {
        return new Spec(node, problems, path, new ArrayList<>());
    }

    public ConfigNode node() {
        return node;
    }

    public SourceLocation location() {
        return node.location();
    }

    /** The dotted path of this block, such as {@code http.expect}, for messages. */
    public String path() {
        return path;
    }

    public boolean isMap() {
        return node.isMap();
    }

    public boolean isList() {
        return node.isList();
    }

    public boolean isScalar() {
        return node.isScalar();
    }

    /** True when this block is a map containing {@code key}; marks the key as known. */
    public boolean has(String key) {
        read.add(key);
        return node.get(key) != null;
    }

    public Set<String> keys() {
        return node.keys();
    }

    /** This node's own text, when it is a scalar. */
    public String text() {
        return node.text();
    }

    /** Declares keys as understood even when not read, for the unknown-key check. */
    public Spec known(String... keys) {
        read.addAll(List.of(keys));
        return this;
    }

    /** Records a problem at this block. */
    public void problem(String message) {
        problems.add(node.location(), path + ": " + message);
    }

    /** Records a problem at the value of {@code key} (or this block when absent). */
    public void problem(String key, String message) {
        ConfigNode value = node.get(key);
        problems.add(value == null ? node.location() : value.location(), path + "." + key + ": " + message);
    }

    /**
     * Records a warning at the value of {@code key}: the block is valid, but its author should know
     * something about it ({@code postpatch validate} shows warnings).
     */
    public void warning(String key, String message) {
        ConfigNode value = node.get(key);
        problems.warn(value == null ? node.location() : value.location(), path + "." + key + ": " + message);
    }

    /** True when a problem was recorded since this spec was created (in any block). */
    public boolean hasProblems() {
        return problems.size() > problemsAtStart;
    }

    /** The raw value at {@code key}. */
    public Optional<ConfigNode> raw(String key) {
        read.add(key);
        return Optional.ofNullable(node.get(key));
    }

    /** A required string (numbers and booleans are accepted as their text). */
    public String string(String key) {
        return optionalString(key).orElseGet(() -> {
            missing(key, "a string");
            return "";
        });
    }

    public Optional<String> optionalString(String key) {
        return value(key).flatMap(value -> {
            if (value.isScalar()) {
                return Optional.of(value.text());
            }
            wrongType(key, value, "a string");
            return Optional.empty();
        });
    }

    /** A required whole number. */
    public long integer(String key) {
        return optionalInteger(key).orElseGet(() -> {
            if (node.get(key) == null) {
                missing(key, "a whole number");
            }
            return 0L;
        });
    }

    public Optional<Long> optionalInteger(String key) {
        return value(key).flatMap(value -> {
            if (value.isDeferred()) {
                return Optional.of(0L);
            }
            try {
                if (value.type() == ConfigNode.Type.NUMBER || value.type() == ConfigNode.Type.STRING) {
                    return Optional.of(new BigDecimal(value.text().trim()).longValueExact());
                }
            } catch (ArithmeticException | NumberFormatException notWhole) {
                // reported below
            }
            wrongType(key, value, "a whole number");
            return Optional.empty();
        });
    }

    /** A whole number within bounds, such as a port. */
    public Optional<Long> optionalInteger(String key, long min, long max) {
        Optional<Long> number = optionalInteger(key);
        if (number.isPresent() && !node.get(key).isDeferred() && (number.get() < min || number.get() > max)) {
            problem(key, "expected a whole number from " + min + " to " + max + ", found " + number.get());
            return Optional.empty();
        }
        return number;
    }

    public Optional<BigDecimal> optionalNumber(String key) {
        return value(key).flatMap(value -> {
            if (value.isDeferred()) {
                return Optional.of(BigDecimal.ZERO);
            }
            try {
                if (value.type() == ConfigNode.Type.NUMBER || value.type() == ConfigNode.Type.STRING) {
                    return Optional.of(new BigDecimal(value.text().trim()));
                }
            } catch (NumberFormatException notNumber) {
                // reported below
            }
            wrongType(key, value, "a number");
            return Optional.empty();
        });
    }

    public boolean bool(String key, boolean defaultValue) {
        return optionalBool(key).orElse(defaultValue);
    }

    public Optional<Boolean> optionalBool(String key) {
        return value(key).flatMap(value -> {
            if (value.isDeferred()) {
                return Optional.of(false);
            }
            if (value.type() == ConfigNode.Type.BOOLEAN) {
                return Optional.of((Boolean) value.scalar());
            }
            if (value.type() == ConfigNode.Type.STRING && ("true".equals(value.text()) || "false".equals(value.text()))) {
                return Optional.of(Boolean.parseBoolean(value.text()));
            }
            wrongType(key, value, "true or false");
            return Optional.empty();
        });
    }

    public Optional<Duration> optionalDuration(String key) {
        return value(key).flatMap(value -> {
            if (value.isDeferred()) {
                return Optional.of(Duration.ZERO);
            }
            Optional<Duration> parsed = value.isScalar() ? Durations.parse(value.text()) : Optional.empty();
            if (parsed.isEmpty()) {
                wrongType(key, value, Durations.EXPECTED);
            }
            return parsed;
        });
    }

    /** A list of strings; a single scalar counts as a list of one. Empty when absent. */
    public List<String> strings(String key) {
        Optional<ConfigNode> found = value(key);
        if (found.isEmpty()) {
            return List.of();
        }
        ConfigNode value = found.get();
        if (value.isScalar()) {
            return List.of(value.text());
        }
        if (!value.isList()) {
            wrongType(key, value, "a list of strings");
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (ConfigNode item : value.items()) {
            if (item.isScalar()) {
                texts.add(item.text());
            } else {
                problems.add(item.location(), path + "." + key + ": expected a string, found " + item.describeType());
            }
        }
        return Collections.unmodifiableList(texts);
    }

    /** A map of string to string, in file order. Empty when absent. */
    public Map<String, String> stringMap(String key) {
        Optional<ConfigNode> found = value(key);
        if (found.isEmpty()) {
            return Map.of();
        }
        ConfigNode value = found.get();
        if (!value.isMap()) {
            wrongType(key, value, "a map");
            return Map.of();
        }
        Map<String, String> texts = new LinkedHashMap<>();
        value.entries().forEach((name, entry) -> {
            if (entry.value().isScalar()) {
                texts.put(name, entry.value().text());
            } else {
                problems.add(entry.value().location(),
                        path + "." + key + "." + name + ": expected a string, found " + entry.value().describeType());
            }
        });
        return Collections.unmodifiableMap(texts);
    }

    /** The block at {@code key}, for nested reading; its unknown keys are checked with this one's. */
    public Optional<Spec> child(String key) {
        return value(key).map(value -> nested(value, path + "." + key));
    }

    /** A required map block at {@code key}. */
    public Spec map(String key) {
        Optional<Spec> found = child(key);
        if (found.isEmpty()) {
            missing(key, "a map");
            return nested(ConfigNode.map(node.location(), Map.of()), path + "." + key);
        }
        if (!found.get().isMap()) {
            wrongType(key, found.get().node(), "a map");
        }
        return found.get();
    }

    /** The items of this block when it is a list, each as a spec. */
    public List<Spec> items() {
        if (!node.isList()) {
            return List.of();
        }
        List<Spec> items = new ArrayList<>();
        for (int i = 0; i < node.items().size(); i++) {
            items.add(nested(node.items().get(i), path + "[" + i + "]"));
        }
        return items;
    }

    /** The entries of this block when it is a map, each value as a spec. */
    public Map<String, Spec> entries() {
        Map<String, Spec> entries = new LinkedHashMap<>();
        node.entries().forEach((key, entry) -> {
            read.add(key);
            entries.put(key, nested(entry.value(), path + "." + key));
        });
        return entries;
    }

    /**
     * Reports every key of this block and its children that was neither read nor declared
     * {@link #known}, with a suggestion for the closest known key. Called by postpatch after
     * {@link ProbeKind#bind}.
     */
    public void finish() {
        if (node.isMap()) {
            for (String key : node.keys()) {
                if (!read.contains(key)) {
                    problems.add(node.keyLocation(key), path + ": unknown key '" + key + "'"
                            + Suggestions.didYouMean(key, read));
                }
            }
        }
        for (Spec child : List.copyOf(children)) {
            child.finish();
        }
    }

    private Spec nested(ConfigNode value, String childPath) {
        Spec child = new Spec(value, problems, childPath, new ArrayList<>());
        children.add(child);
        return child;
    }

    private Optional<ConfigNode> value(String key) {
        read.add(key);
        if (!node.isMap()) {
            return Optional.empty();
        }
        ConfigNode value = node.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    private void missing(String key, String expected) {
        if (!node.isMap()) {
            problems.add(node.location(), path + ": expected a map with '" + key + "', found " + node.describeType());
            return;
        }
        problems.add(node.location(), path + ": missing '" + key + "' (" + expected + ")");
    }

    private void wrongType(String key, ConfigNode value, String expected) {
        String found = value.isScalar() ? "'" + value.text() + "'" : value.describeType();
        problems.add(value.location(), path + "." + key + ": expected " + expected + ", found " + found);
    }
}
