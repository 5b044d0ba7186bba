package org.postpatch.probes.junit;

import java.util.List;
import java.util.Optional;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.launcher.TagFilter;
import org.postpatch.spi.Binding;
import org.postpatch.spi.Key;
import org.postpatch.spi.ProbeKind;
import org.postpatch.spi.Shape;
import org.postpatch.spi.Spec;

/**
 * The {@code junit} kind: runs an application's existing JUnit tests (Jupiter, or any JUnit Platform
 * engine on the classpath) in-process through the JUnit Platform Launcher, as one probe whose parts
 * are the tests.
 * <pre>{@code
 * - id: smoke-tests
 *   junit: { packages: [com.acme.orders.smoke], tags: [postpatch] }
 * }</pre>
 */
public final class JunitProbeKind implements ProbeKind {

    private static final Shape STRINGS = Shape.either(Shape.string(), Shape.listOf(Shape.string())).documentedAs("list of strings");

    private static final Shape DECLARATION = Shape.block(
            Key.optional("packages", STRINGS, "none",
                    "Packages whose tests run, subpackages included, such as `[com.acme.orders.smoke]`."),
            Key.optional("classes", STRINGS, "none", "Test classes by fully qualified name. Checked at validation: a class"
                    + " that is not on the classpath is refused."),
            Key.optional("methods", STRINGS, "none", "Test methods as `Class#method`, such as"
                    + " `com.acme.OrderSmokeTest#createsAnOrder` (with parameter types when overloaded: `...#m(int)`)."),
            Key.optional("tags", STRINGS, "all tests", "JUnit tag expressions; a test runs when it matches **any** of them:"
                    + " `[postpatch]`, `[\"smoke & !slow\"]`. Checked at validation."),
            Key.optional("excludeTags", STRINGS, "none",
                    "JUnit tag expressions; a test matching any of them does not run."));

    @Override
    public Optional<Shape> declaration() {
        return Optional.of(DECLARATION);
    }

    @Override
    public String name() {
        return "junit";
    }

    @Override
    public boolean hasParts() {
        return true;
    }

    @Override
    public Binding bind(Spec spec) {
        if (!spec.isMap()) {
            spec.problem("expected a map with packages, classes or methods, found " + spec.describeType());
            return Binding.invalid();
        }
        TestSelection selection = new TestSelection(spec.strings("packages"), spec.strings("classes"),
                spec.strings("methods"), spec.strings("tags"), spec.strings("excludeTags"));
        if (selection.isEmpty() && !spec.hasProblems()) {
            spec.problem("name the tests to run with packages, classes or methods");
        }
        selection.classes().forEach(name -> checkClass(spec, "classes", name));
        for (String method : selection.methods()) {
            int hash = method.indexOf('#');
            if (hash <= 0 || hash == method.length() - 1) {
                spec.problem("methods", "expected Class#method, like com.acme.OrderSmokeTest#createsAnOrder, found '"
                        + method + "'");
            } else {
                checkClass(spec, "methods", method.substring(0, hash));
            }
        }
        checkTags(spec, "tags", selection.tags());
        checkTags(spec, "excludeTags", selection.excludeTags());
        return spec.hasProblems() ? Binding.invalid() : Binding.of(new JunitCheck(selection));
    }

    private static void checkClass(Spec spec, String key, String className) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Class.forName(className, false, loader != null ? loader : JunitProbeKind.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError missing) {
            spec.problem(key, "class " + className + " is not on the classpath");
        }
    }

    private static void checkTags(Spec spec, String key, List<String> expressions) {
        for (String expression : expressions) {
            try {
                TagFilter.includeTags(expression);
            } catch (JUnitException invalid) {
                String reason = String.valueOf(invalid.getMessage());
                int quoted = reason.indexOf("\": ");
                spec.problem(key, "'" + expression + "' is not a valid tag expression: "
                        + (quoted >= 0 ? reason.substring(quoted + 3) : reason));
            }
        }
    }
}
