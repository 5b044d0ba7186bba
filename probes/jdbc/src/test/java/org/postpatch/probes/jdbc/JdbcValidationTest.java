package org.postpatch.probes.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.config.InvalidSuiteException;
import org.postpatch.config.Problem;
import org.postpatch.testkit.ProbeTestKit;

/** Mistakes in a {@code jdbc} block are refused before anything runs, each at its line and column. */
class JdbcValidationTest {

    @TempDir
    Path folder;

    private List<String> problems(String probes) {
        ProbeTestKit files = ProbeTestKit.in(folder);
        Path file = files.write("probes.yaml", "suite: s\nprobes:\n" + probes.indent(2));
        InvalidSuiteException invalid = catchThrowableOfType(InvalidSuiteException.class, () -> files.load(file));
        assertThat(invalid).as("the file should be refused").isNotNull();
        return invalid.problems().stream().map(Problem::toString).map(text -> text.substring("probes.yaml:".length() + text.indexOf("probes.yaml:"))).toList();
    }

    @Test
    void everyMistakeIsReportedAtItsPlace() {
        List<String> problems = problems("""
                - id: a
                  jdbc: { query: select 1 }
                - id: b
                  jdbc: { url: "postgresql://db/orders?password=hunter2" }
                - id: c
                  jdbc: { url: "jdbc:h2:mem:x", expect: { rows: 1 } }
                - id: d
                  jdbc:
                    url: jdbc:h2:mem:x
                    query: select 1
                    expect: { rows: { gte: 1 }, value: { matches: "[" }, within: soon }
                - id: e
                  jdbc: { url: "jdbc:h2:mem:x", querry: select 1 }
                - id: f
                  jdbc: { url: "jdbc:h2:mem:x", query: select 1, expect: { rows: many, value: [1, 2] } }
                """);

        assertThat(problems).containsExactly(
                "4:11: probe 'a': jdbc: missing 'url' (a string)",
                "6:18: probe 'b': jdbc.url: expected a JDBC URL starting with 'jdbc:', like jdbc:postgresql://host:5432/database",
                "8:43: probe 'c': jdbc.expect: needs a query; without one the probe only checks that it can connect",
                "13:25: probe 'd': jdbc.expect.rows: unknown key 'gte' (did you mean 'gt'?)",
                "13:53: probe 'd': jdbc.expect.value.matches: '[' is not a valid regular expression: Unclosed character class near index 0",
                "13:68: probe 'd': jdbc.expect.within: expected a duration like 500ms, 5s, 2m, 1h or 1m30s, found 'soon'",
                "15:35: probe 'e': jdbc: unknown key 'querry' (did you mean 'query'?)",
                "17:68: probe 'f': jdbc.expect.rows: expected a whole number, found 'many'",
                "17:81: probe 'f': jdbc.expect.value: expected a value or a matcher like { gt: 0 }, found a list");
        assertThat(String.join("\n", problems)).doesNotContain("hunter2");
    }
}
