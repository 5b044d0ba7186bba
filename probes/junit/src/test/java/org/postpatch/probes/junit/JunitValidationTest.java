package org.postpatch.probes.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.config.InvalidSuiteException;
import org.postpatch.config.Problem;
import org.postpatch.testkit.ProbeTestKit;

/** Mistakes in a {@code junit} block are refused before anything runs, each at its line and column. */
class JunitValidationTest {

    @TempDir
    Path folder;

    @Test
    void everyMistakeIsReportedAtItsPlace() {
        ProbeTestKit files = ProbeTestKit.in(folder);
        Path file = files.write("probes.yaml", """
                suite: s
                probes:
                  - id: a
                    junit: { tags: [postpatch] }
                  - id: b
                    junit: { classes: [com.acme.NoSuchTest] }
                  - id: c
                    junit: { methods: ["org.postpatch.probes.junit.sample.failing.OrderSmokeTest.readsAnOrder"] }
                  - id: d
                    junit: { packages: [com.acme], tags: ["postpatch &"] }
                  - id: e
                    junit: { package: [com.acme] }
                  - id: f
                    junit: [com.acme]
                """);

        InvalidSuiteException invalid = catchThrowableOfType(InvalidSuiteException.class, () -> files.load(file));

        assertThat(invalid).as("the file should be refused").isNotNull();
        List<String> problems = invalid.problems().stream().map(Problem::toString)
                .map(text -> text.substring(text.indexOf("probes.yaml:") + "probes.yaml:".length())).toList();
        assertThat(problems).containsExactly(
                "4:12: probe 'a': junit: name the tests to run with packages, classes or methods",
                "6:23: probe 'b': junit.classes: class com.acme.NoSuchTest is not on the classpath",
                "8:23: probe 'c': junit.methods: expected Class#method, like com.acme.OrderSmokeTest#createsAnOrder, "
                        + "found 'org.postpatch.probes.junit.sample.failing.OrderSmokeTest.readsAnOrder'",
                "10:42: probe 'd': junit.tags: 'postpatch &' is not a valid tag expression: missing rhs operand for '&' at index <10>",
                "12:12: probe 'e': junit: name the tests to run with packages, classes or methods",
                "12:14: probe 'e': junit: unknown key 'package' (did you mean 'packages'?)",
                "14:12: probe 'f': junit: expected a map with packages, classes or methods, found a list");
    }
}
