package org.postpatch.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.INTERNAL;

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
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apiguardian.api.API;
import org.postpatch.config.ConfigNode;
import org.postpatch.config.Durations;
import org.postpatch.config.Problems;
import org.postpatch.config.SourceLocation;
import org.postpatch.config.Suggestions;
import org.postpatch.config.TextPart;

/**
 * A probe kind's view of its block in a probe file, and the only way a kind reads it: typed getters
 * that report a problem at the exact line and column when a value is missing or of the wrong type,
 * and a check for unknown keys ("did you mean 'timeout'?").
 *
 * <p>Getters never throw on bad input: they record the problem and return a neutral value, so one pass
 * finds every problem in a file. A kind that {@link ProbeKind#declaration() declares} its block may
 * read only the keys it declared (reading another one is a bug in the kind, and throws
 * {@link IllegalStateException} naming the kind and the key); its unknown keys are the undeclared
 * ones. A kind without a declaration has every key it did not read reported as unknown.
 *
 * <p>At {@link Stage#VALIDATION} a value that uses a value captured by another probe is a placeholder:
 * {@link #isDeferred(String)} is true for it, typed getters return a neutral value for it, and the
 * kind judges it when it binds again at {@link Stage#RUN}, where every value is known.
 *
 * <p>Longer than a class should be, on purpose: it is the whole reading API of the kind SPI, one
 * documented getter per type, in one place for kind authors; conversions live in {@code Scalars} and
 * declarations in {@link Shape}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Spec {

    /** When a kind's block is read. */
    public enum Stage {
        /** While the files are validated, before anything runs: captured values are placeholders. */
        VALIDATION,
        /** Just before the probe runs: every value is known. */
        RUN
    }

    private final ConfigNode node;
    private final Problems problems;
    private final String path;
    private final String kind;
    private final Shape declared;
    private final Stage stage;
    private final Set<String> seen = new HashSet<>();
    private final List<Spec> children = new ArrayList<>();
    private final int problemsAtStart;

    private Spec(ConfigNode node, Problems problems, String path, String kind, Shape declared, Stage stage) {
        this.node = node;
        this.problems = problems;
        this.path = path;
        this.kind = kind;
        this.declared = declared;
        this.stage = stage;
        this.problemsAtStart = problems.size();
    }

    /** The spec of {@code kind}'s block, read while validating files. */
    @API(status = INTERNAL, since = "0.1")
    public static Spec forValidation(ProbeKind kind, ConfigNode node, Problems problems) {
        return new Spec(node, problems, kind.name(), kind.name(), kind.declaration().orElse(null), Stage.VALIDATION);
    }

    /** The spec of {@code kind}'s block, read just before the probe runs. */
    @API(status = INTERNAL, since = "0.1")
    public static Spec forRun(ProbeKind kind, ConfigNode node, Problems problems) {
        return new Spec(node, problems, kind.name(), kind.name(), kind.declaration().orElse(null), Stage.RUN);
    }

    /**
     * A spec of any block ({@code path} names it in messages), checked against {@code declared} when
     * it is given, read while validating files.
     */
    @API(status = INTERNAL, since = "0.1")
    public static Spec of(ConfigNode node, Problems problems, String path, Optional<Shape> declared) {
        return new Spec(node, problems, path, path, declared.orElse(null), Stage.VALIDATION);
    }

    /** Whether the files are being validated or the probe is about to run. */
    public Stage stage() {
        return stage;
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

    /** True for an explicit {@code null} (or {@code ~}). */
    public boolean isNull() {
        return node.isNull();
    }

    /** "a map", "a list", "a string"...: what this value is, for messages. */
    public String describeType() {
        return node.describeType();
    }

    /** True when this value uses a captured value, only known when the probe runs. */
    public boolean isDeferred() {
        return node.isDeferred();
    }

    /** True when this block is a map containing {@code key}; marks the key as known. */
    public boolean has(String key) {
        declaredKey(key);
        seen.add(key);
        return node.get(key) != null;
    }

    /** True when this block holds {@code key} with a value other than null. */
    public boolean isSet(String key) {
        return has(key) && !node.get(key).isNull();
    }

    /** True when the value at {@code key} uses a captured value, only known when the probe runs. */
    public boolean isDeferred(String key) {
        return has(key) && node.get(key).isDeferred();
    }

    /** The keys this block holds, in file order. */
    public Set<String> keys() {
        return node.keys();
    }

    /** This value's own text, when it is a scalar ({@code 2.10} as written, not {@code 2.1}). */
    public String text() {
        return node.text();
    }

    /**
     * This string's pieces once its {@code ${...}} references are resolved: text the author wrote and
     * values put in for references, so that a kind handing the string to an interpreter (a shell) can
     * keep values from becoming its syntax.
     */
    public List<TextPart> parts() {
        return node.parts();
    }

    /** This value as plain Java: String, Long, Double, BigDecimal, Boolean, null, List, Map (file order). */
    public Object plain() {
        return node.toPlain();
    }

    /**
     * For blocks without a declaration: keys understood though not read. In any block: keys not to
     * report as unknown, because the kind reported its own problem about them.
     */
    public Spec known(String... keys) {
        seen.addAll(List.of(keys));
        return this;
    }

    /** Records a problem at this block. */
    public void problem(String message) {
        problems.add(node.location(), path + ": " + message);
    }

    /** Records a problem at the value of {@code key} (or this block when absent). */
    public void problem(String key, String message) {
        problems.add(locationOf(key), path + "." + key + ": " + message);
    }

    /**
     * Records a warning at the value of {@code key}: the block is valid, but its author should know
     * something about it ({@code postpatch validate} shows warnings).
     */
    public void warning(String key, String message) {
        problems.warn(locationOf(key), path + "." + key + ": " + message);
    }

    /** True when a problem was recorded since this spec was created (in any block). */
    public boolean hasProblems() {
        return problems.size() > problemsAtStart;
    }

    /** A required string (numbers and booleans are accepted as their text). */
    public String string(String key) {
        return optionalString(key).orElseGet(() -> {
            missing(key, "a string");
            return "";
        });
    }

    public Optional<String> optionalString(String key) {
        return typed(key, "a string", value -> value.isScalar() ? Optional.of(value.text()) : Optional.empty());
    }

    /** A required whole number within bounds, such as a port; empty when missing or invalid (reported). */
    public Optional<Long> integer(String key, long min, long max) {
        if (node.isMap() && !isSet(key)) {
            problem("missing '" + key + "' (a whole number from " + min + " to " + max + ")");
            return Optional.empty();
        }
        return optionalInteger(key, min, max);
    }

    public Optional<Long> optionalInteger(String key) {
        return typed(key, "a whole number", Scalars::wholeNumber);
    }

    /** A whole number within bounds, when given. */
    public Optional<Long> optionalInteger(String key, long min, long max) {
        Optional<Long> number = optionalInteger(key);
        if (number.isPresent() && !node.get(key).isDeferred() && (number.get() < min || number.get() > max)) {
            problem(key, "expected a whole number from " + min + " to " + max + ", found " + number.get());
            return Optional.empty();
        }
        return number;
    }

    public Optional<BigDecimal> optionalNumber(String key) {
        return typed(key, "a number", Scalars::number);
    }

    public boolean bool(String key, boolean defaultValue) {
        return optionalBool(key).orElse(defaultValue);
    }

    public Optional<Boolean> optionalBool(String key) {
        return typed(key, "true or false", Scalars::bool);
    }

    public Optional<Duration> optionalDuration(String key) {
        return typed(key, Durations.EXPECTED, Scalars::duration);
    }

    /**
     * A regular expression (Java syntax) at {@code key}, compiled once here. The one rule for every
     * kind: {@code ^} and {@code $} match at the start and end of each line ({@code \A} and {@code \z}
     * at those of the whole text); whether it must be found anywhere or match the whole value is the
     * kind's to say. An invalid expression is reported at its location. A deferred value gives a
     * pattern of its placeholder, taken literally: it is compiled for real at {@link Stage#RUN}.
     */
    public Optional<Pattern> pattern(String key) {
        Optional<String> text = optionalString(key);
        if (text.isEmpty() || node.get(key).isDeferred()) {
            return text.map(Pattern::quote).map(Pattern::compile);
        }
        try {
            return Optional.of(Pattern.compile(text.get(), Pattern.MULTILINE));
        } catch (PatternSyntaxException invalid) {
            problem(key, "'" + text.get() + "' is not a valid regular expression: " + invalid.getDescription()
                    + " near index " + invalid.getIndex());
            return Optional.empty();
        }
    }

    /**
     * The string at {@code key} read by {@code parse}, which throws {@link IllegalArgumentException}
     * with the message to report when the text is not valid. Empty when absent, invalid, or deferred
     * (it is parsed at {@link Stage#RUN}, once known).
     */
    public <T> Optional<T> parsed(String key, Function<String, T> parse) {
        Optional<String> text = optionalString(key);
        if (text.isEmpty() || node.get(key).isDeferred()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(text.get()));
        } catch (IllegalArgumentException invalid) {
            problem(key, invalid.getMessage());
            return Optional.empty();
        }
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
        return value(key).map(value -> nested(value, path + "." + key, declared == null ? null : declared.child(key)));
    }

    /** The items of this block when it is a list, each as a spec. */
    public List<Spec> items() {
        if (!node.isList()) {
            return List.of();
        }
        Shape item = declared == null ? null : declared.listItem().orElseThrow(() -> new IllegalStateException(
                "the " + kind + " kind reads " + path + " as a list, which its declaration does not allow: " + declared));
        List<Spec> items = new ArrayList<>();
        for (int i = 0; i < node.items().size(); i++) {
            items.add(nested(node.items().get(i), path + "[" + i + "]", item));
        }
        return items;
    }

    /**
     * The entries of this block when it is a map, each value as a spec. The kind answers for the keys
     * it finds this way: none of them is reported as unknown.
     */
    public Map<String, Spec> entries() {
        Map<String, Spec> entries = new LinkedHashMap<>();
        node.entries().forEach((key, entry) -> {
            seen.add(key);
            entries.put(key, nested(entry.value(), path + "." + key, declared == null ? null : declared.child(key)));
        });
        return entries;
    }

    /**
     * Reports every key of this block and its children that is unknown, with a suggestion for the
     * closest known key. Called by postpatch after {@link ProbeKind#bind}.
     */
    @API(status = INTERNAL, since = "0.1")
    public void finish() {
        if (node.isMap() && (declared == null || !declared.freeKeys())) {
            Set<String> known = declared == null ? seen : declared.keyNames();
            for (String key : node.keys()) {
                if (!seen.contains(key) && (declared == null || !declared.allowsKey(key))) {
                    problems.add(node.keyLocation(key), path + ": unknown key '" + key + "'"
                            + Suggestions.didYouMean(key, known));
                }
            }
        }
        for (Spec child : List.copyOf(children)) {
            child.finish();
        }
    }

    private Spec nested(ConfigNode value, String childPath, Shape childShape) {
        Spec child = new Spec(value, problems, childPath, kind, childShape, stage);
        children.add(child);
        return child;
    }

    /** A kind may read only what it declared: anything else would drift from its schema and documentation. */
    private void declaredKey(String key) {
        if (declared != null && !declared.allowsKey(key)) {
            throw new IllegalStateException("the " + kind + " kind reads '" + key + "' in " + path
                    + ", which its declaration does not list: add it to the kind's declaration()");
        }
    }

    private <T> Optional<T> typed(String key, String expected, Function<ConfigNode, Optional<T>> read) {
        return value(key).flatMap(value -> {
            Optional<T> typed = read.apply(value);
            if (typed.isEmpty()) {
                wrongType(key, value, expected);
            }
            return typed;
        });
    }

    private Optional<ConfigNode> value(String key) {
        declaredKey(key);
        seen.add(key);
        if (!node.isMap()) {
            return Optional.empty();
        }
        ConfigNode value = node.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    private SourceLocation locationOf(String key) {
        ConfigNode value = node.isMap() ? node.get(key) : null;
        return value == null ? node.location() : value.location();
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
