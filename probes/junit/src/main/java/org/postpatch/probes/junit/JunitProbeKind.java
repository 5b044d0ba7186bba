package org.postpatch.probes.junit;

import java.util.List;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.launcher.TagFilter;
import org.postpatch.spi.Check;
import org.postpatch.spi.ProbeKind;
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

    @Override
    public String name() {
        return "junit";
    }

    @Override
    public boolean hasParts() {
        return true;
    }

    @Override
    public Check bind(Spec spec) {
        if (!spec.isMap()) {
            spec.problem("expected a map with packages, classes or methods, found " + spec.node().describeType());
            return null;
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
        return spec.hasProblems() ? null : new JunitCheck(selection);
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
