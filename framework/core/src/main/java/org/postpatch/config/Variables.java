package org.postpatch.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The variables of one suite and the {@code ${...}} syntax of probe files:
 * <ul>
 *   <li>{@code ${name}}: a variable from {@code vars} (after {@code --var} overrides), or a value
 *       captured by a probe that this probe needs;</li>
 *   <li>{@code ${env:NAME}} and {@code ${env:NAME:-default}}: the environment;</li>
 *   <li>{@code ${secret:NAME}}: the variable {@code NAME} or the file named by {@code NAME_FILE},
 *       used but never shown;</li>
 *   <li>{@code $${} writes a literal {@code ${}.</li>
 * </ul>
 * Variables may refer to each other; values from the environment, secrets and overrides are taken
 * literally and never expanded again.
 */
public final class Variables {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int MAX_DEPTH = 16;

    private final Map<String, ConfigNode> templates;
    private final Map<String, String> overrides;
    private final Environment environment;

    public Variables(Map<String, ConfigNode> templates, Map<String, String> overrides, Environment environment) {
        this.templates = Map.copyOf(templates);
        this.overrides = Map.copyOf(overrides);
        this.environment = environment;
    }

    /** Variables with no templates, for tests and Java-only suites. */
    public static Variables none(Environment environment) {
        return new Variables(Map.of(), Map.of(), environment);
    }

    /** The names of all variables (from the file and overrides). */
    public Set<String> names() {
        Set<String> names = new HashSet<>(templates.keySet());
        names.addAll(overrides.keySet());
        return names;
    }

    /** The names of the variables the files declare in {@code vars}, without the overrides. */
    public Set<String> declaredNames() {
        return templates.keySet();
    }

    /** The names the {@code vars} templates refer to with {@code ${name}}. */
    public Set<String> referencedNames() {
        Set<String> names = new HashSet<>();
        templates.values().forEach(template -> names.addAll(references(template.text())));
        return names;
    }

    /** The variable (or capture) names {@code text} refers to with {@code ${name}}; not env or secret. */
    public static Set<String> references(String text) {
        Set<String> names = new HashSet<>();
        if (hasReferences(text)) {
            try {
                scan(text, new StringBuilder(), expression -> {
                    if (NAME.matcher(expression).matches()) {
                        names.add(expression);
                    }
                });
            } catch (IllegalArgumentException unclosed) {
                // Reported where the text is resolved.
            }
        }
        return names;
    }

    /** A copy in which {@code more} override (literal values, as from {@code --var}). */
    public Variables withOverrides(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(overrides);
        merged.putAll(more);
        return new Variables(templates, merged, environment);
    }

    public Environment environment() {
        return environment;
    }

    /** True when the text contains a reference that needs resolving. */
    public static boolean hasReferences(String text) {
        return text.contains("${");
    }

    /**
     * Resolves every reference in {@code text}. Secret values are passed to {@code secrets} before
     * they are used, so that they can be redacted from all output.
     *
     * @throws IllegalArgumentException naming the reference that could not be resolved
     */
    public String resolve(String text, Map<String, String> captures, Consumer<String> secrets) {
        return resolve(text, captures, secrets, new ArrayDeque<>());
    }

    /**
     * Resolves {@code text} as {@link #resolve} does, keeping apart what the file's author wrote and
     * the values put in for its references (a reference to a variable is one value, whatever that
     * variable's own template holds).
     *
     * @throws IllegalArgumentException naming the reference that could not be resolved
     */
    public List<TextPart> parts(String text, Map<String, String> captures, Consumer<String> secrets) {
        List<TextPart> parts = new ArrayList<>();
        StringBuilder written = new StringBuilder();
        scan(text, written, reference -> {
            if (written.length() > 0) {
                parts.add(TextPart.written(written.toString()));
                written.setLength(0);
            }
            parts.add(TextPart.value(reference(reference, captures, secrets, new ArrayDeque<>())));
        });
        if (written.length() > 0 || parts.isEmpty()) {
            parts.add(TextPart.written(written.toString()));
        }
        return parts;
    }

    /** The value of a single variable (or capture), resolved. */
    public String value(String name, Map<String, String> captures, Consumer<String> secrets) {
        return lookup(name, captures, secrets, new ArrayDeque<>());
    }

    private String resolve(String text, Map<String, String> captures, Consumer<String> secrets, Deque<String> stack) {
        if (!hasReferences(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        scan(text, out, reference -> out.append(reference(reference, captures, secrets, stack)));
        return out.toString();
    }

    /** Copies the written text to {@code written} and hands each reference's expression to {@code references}. */
    private static void scan(String text, StringBuilder written, Consumer<String> references) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '$' && text.startsWith("$${", i)) {
                written.append("${");
                i += 3;
            } else if (c == '$' && text.startsWith("${", i)) {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed '${' in \"" + text + "\"");
                }
                references.accept(text.substring(i + 2, end));
                i = end + 1;
            } else {
                written.append(c);
                i++;
            }
        }
    }

    private String reference(String expression, Map<String, String> captures, Consumer<String> secrets,
                             Deque<String> stack) {
        if (expression.startsWith("env:")) {
            String spec = expression.substring(4);
            int fallback = spec.indexOf(":-");
            String name = fallback < 0 ? spec : spec.substring(0, fallback);
            if (!ENV_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'${" + expression + "}' does not name an environment variable");
            }
            return environment.get(name).orElseGet(() -> {
                if (fallback < 0) {
                    throw new IllegalArgumentException("environment variable " + name
                            + " is not set (give a default: ${env:" + name + ":-value})");
                }
                return spec.substring(fallback + 2);
            });
        }
        if (expression.startsWith("secret:")) {
            String name = expression.substring(7);
            if (!ENV_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'${" + expression + "}' does not name an environment variable");
            }
            String value = environment.secret(name).orElseThrow(() -> new IllegalArgumentException(
                    "secret " + name + " is not set: set the environment variable " + name + " or " + name + "_FILE"));
            secrets.accept(value);
            return value;
        }
        if (!NAME.matcher(expression).matches()) {
            throw new IllegalArgumentException("'${" + expression + "}' is not a variable reference: use ${name}, "
                    + "${env:NAME}, ${env:NAME:-default} or ${secret:NAME} (write $${ for a literal ${)");
        }
        return lookup(expression, captures, secrets, stack);
    }

    private String lookup(String name, Map<String, String> captures, Consumer<String> secrets, Deque<String> stack) {
        if (overrides.containsKey(name)) {
            return overrides.get(name);
        }
        ConfigNode template = templates.get(name);
        if (template != null) {
            if (stack.contains(name) || stack.size() > MAX_DEPTH) {
                List<String> cycle = new ArrayList<>(stack);
                java.util.Collections.reverse(cycle);
                cycle.add(name);
                throw new IllegalArgumentException("variable '" + name + "' refers to itself: " + String.join(" -> ", cycle));
            }
            stack.push(name);
            try {
                return resolve(template.text(), captures, secrets, stack);
            } finally {
                stack.pop();
            }
        }
        if (captures.containsKey(name)) {
            return captures.get(name);
        }
        Set<String> known = names();
        known.addAll(captures.keySet());
        throw new IllegalArgumentException("undefined variable '" + name + "'" + Suggestions.didYouMean(name, known));
    }

    /**
     * Validates the references in {@code text} without using captured values, which are only known
     * at run time: a name in {@code captureNames} is accepted as deferred.
     *
     * @return the problem, or {@code null}; {@code deferred[0]} is set when a capture is referenced
     */
    public String check(String text, Set<String> captureNames, boolean[] deferred) {
        Map<String, String> placeholders = new LinkedHashMap<>();
        for (String capture : captureNames) {
            placeholders.put(capture, "");
        }
        Set<String> used = new HashSet<>();
        Map<String, String> tracking = new java.util.AbstractMap<>() {
            @Override
            public Set<Entry<String, String>> entrySet() {
                return placeholders.entrySet();
            }

            @Override
            public String get(Object key) {
                used.add((String) key);
                return placeholders.get(key);
            }

            @Override
            public boolean containsKey(Object key) {
                return placeholders.containsKey(key);
            }
        };
        try {
            resolve(text, tracking, value -> { }, new ArrayDeque<>());
            deferred[0] = !used.isEmpty();
            return null;
        } catch (IllegalArgumentException | IllegalStateException problem) {
            return problem.getMessage();
        }
    }
}
