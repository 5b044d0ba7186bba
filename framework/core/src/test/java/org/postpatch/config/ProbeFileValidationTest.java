package org.postpatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.model.Suite;
import org.postpatch.testing.ProbeFiles;

class ProbeFileValidationTest {

    @TempDir
    Path folder;

    private List<Problem> problemsOf(String yaml) {
        ProbeFiles files = new ProbeFiles(folder);
        Path file = files.write("probes.yaml", yaml);
        try {
            files.load(file);
        } catch (InvalidSuiteException invalid) {
            return invalid.problems();
        }
        throw new AssertionError("expected the file to be refused");
    }

    private static List<String> described(List<Problem> problems) {
        return problems.stream().map(p -> p.location().line() + ":" + p.location().column() + " "
                + (p.probeId() == null ? "" : p.probeId() + ": ") + p.message()).toList();
    }

    @Test
    void everyProblemInAFileIsReportedAtOnceWithLineAndColumn() {
        List<Problem> problems = problemsOf("""
                suite: orders
                probes:
                  - id: health
                    pass: {}
                    timout: 5s
                  - id: slow
                    timeout: five seconds
                    pass: {}
                  - id: create
                    needs: [helth]
                    pass: {}
                  - id: a
                    needs: [b]
                    pass: {}
                  - id: b
                    needs: [a]
                    pass: {}
                """);
        assertThat(described(problems)).containsExactly(
                "5:5 health: unknown key 'timout' (did you mean 'timeout'?)",
                "7:14 slow: timeout: expected a duration like 500ms, 5s, 2m, 1h or 1m30s, found 'five seconds'",
                "10:13 create: needs 'helth', which is not a probe of suite 'orders' (did you mean 'health'?)",
                "12:5 a: 'needs' form a cycle: a -> b -> a");
        assertThat(problems).allSatisfy(p -> assertThat(p.location().file()).endsWith("probes.yaml"));
    }

    @Test
    void duplicateIdsNameBothPlaces() {
        List<Problem> problems = problemsOf("""
                suite: s
                probes:
                  - id: x
                    pass: {}
                  - id: x
                    pass: {}
                """);
        assertThat(described(problems)).singleElement().asString()
                .startsWith("5:5 x: duplicate probe id 'x' in suite 's' (first at ")
                .endsWith("probes.yaml:3:5)");
    }

    @Test
    void probesNeedExactlyOneKnownKind() {
        List<Problem> problems = problemsOf("""
                suite: s
                probes:
                  - id: none
                    severity: warning
                  - id: two
                    pass: {}
                    fail: {}
                  - id: typo
                    paas: {}
                """);
        assertThat(described(problems)).contains(
                "7:5 two: a probe has exactly one kind, found pass and fail",
                "9:5 typo: unknown key 'paas' (did you mean 'pass'?)");
        assertThat(described(problems)).anySatisfy(p -> assertThat(p).startsWith("3:5 none: no probe kind: add one of "));
    }

    @Test
    void wrongTypesAndBadValuesAreNamed() {
        List<Problem> problems = problemsOf("""
                suite: s
                defaults:
                  retry: { until: 1m, evry: 1s }
                probes:
                  - id: a
                    severity: fatal
                    tags: "has space"
                    pass: {}
                  - id: b
                    needs: { x: 1 }
                    pass: {}
                  - pass: {}
                """);
        assertThat(described(problems)).contains(
                "3:23 defaults.retry: unknown key 'evry' (did you mean 'every'?)",
                "6:15 a: severity: expected critical or warning, found 'fatal'",
                "7:11 a: tags: 'has space' is not a valid tag (no spaces or , ( ) & | !)",
                "10:12 b: 'needs' must be a list of strings, found a map",
                "12:5 probe without 'id': every probe needs a unique id");
    }

    @Test
    void undefinedVariablesAreRefusedWithASuggestion() {
        List<Problem> problems = problemsOf("""
                suite: s
                vars:
                  base: http://localhost:8080
                probes:
                  - id: a
                    echo: { text: "${bsae}/health" }
                  - id: b
                    echo: { text: "${env:POSTPATCH_TEST_SURELY_UNSET}" }
                  - id: c
                    echo: { text: "${secret:POSTPATCH_TEST_SURELY_UNSET}" }
                """);
        assertThat(described(problems)).containsExactly(
                "6:19 a: undefined variable 'bsae' (did you mean 'base'?)",
                "8:19 b: environment variable POSTPATCH_TEST_SURELY_UNSET is not set (give a default: "
                        + "${env:POSTPATCH_TEST_SURELY_UNSET:-value})",
                "10:19 c: secret POSTPATCH_TEST_SURELY_UNSET is not set: set the environment variable "
                        + "POSTPATCH_TEST_SURELY_UNSET or POSTPATCH_TEST_SURELY_UNSET_FILE");
    }

    @Test
    void capturedValuesAreOnlyUsableByProbesThatNeedTheCapturer() {
        List<Problem> problems = problemsOf("""
                suite: s
                probes:
                  - id: create
                    emit: { orderId: "1" }
                  - id: read
                    needs: [create]
                    echo: { text: "${orderId}" }
                  - id: unrelated
                    echo: { text: "${orderId}" }
                """);
        assertThat(described(problems)).containsExactly("9:19 unrelated: undefined variable 'orderId'");
    }

    @Test
    void unknownTopLevelKeysAndEmptyFilesAreRefused() {
        assertThat(described(problemsOf("suite: s\nprobs: []\n"))).contains(
                "2:1 unknown key 'probs' (did you mean 'probes'?) (a probe file has: classes, defaults, description, "
                        + "include, probes, suite, vars)");
        assertThat(described(problemsOf(""))).containsExactly(
                "0:0 the file is empty; expected a map with 'suite' and 'probes'");
    }

    @Test
    void variablesResolveFromEnvironmentDefaultsAndOverrides() {
        ProbeFiles files = new ProbeFiles(folder).withEnvironment(Map.of("ORDERS_URL", "http://orders:9090"));
        Path file = files.write("p.yaml", """
                suite: s
                vars:
                  base: ${env:ORDERS_URL:-http://localhost:8080}
                  fallback: ${env:POSTPATCH_TEST_SURELY_UNSET:-http://localhost:8080}
                  health: ${base}/health
                probes:
                  - id: a
                    echo: { text: "${health} ${fallback} $${literal}" }
                """);
        Suite suite = files.load(file).get(0);
        assertThat(suite.variables().value("health", Map.of(), s -> { })).isEqualTo("http://orders:9090/health");
        assertThat(suite.variables().resolve("${health} ${fallback} $${literal}", Map.of(), s -> { }))
                .isEqualTo("http://orders:9090/health http://localhost:8080 ${literal}");
        Suite overridden = SuiteLoader.builder().environment(Environment.of(Map.of()))
                .overrides(Map.of("base", "http://other")).build().load(List.of(file.toString())).get(0);
        assertThat(overridden.variables().value("health", Map.of(), s -> { })).isEqualTo("http://other/health");
    }

    @Test
    void variablesThatReferToThemselvesAreRefused() {
        assertThat(described(problemsOf("""
                suite: s
                vars:
                  a: ${b}
                  b: ${a}
                probes:
                  - id: x
                    pass: {}
                """))).contains("3:6 vars.a: variable 'a' refers to itself: a -> b -> a");
    }

    @Test
    void includedFilesJoinTheSuiteAndAreNotSuitesOfTheirOwn() {
        ProbeFiles files = new ProbeFiles(folder);
        files.write("suite/main.yaml", """
                suite: orders
                vars: { base: http://x }
                defaults: { timeout: 2s }
                include: [parts/db.yaml]
                probes:
                  - id: health
                    pass: {}
                """);
        files.write("suite/parts/db.yaml", """
                probes:
                  - id: db
                    needs: [health]
                    echo: { text: "${base}" }
                """);
        List<Suite> suites = files.load(folder.resolve("suite"));
        assertThat(suites).singleElement().satisfies(suite -> {
            assertThat(suite.name()).isEqualTo("orders");
            assertThat(suite.probes()).extracting(p -> p.id()).containsExactly("health", "db");
            assertThat(suite.probe("db").orElseThrow().timeout()).hasSeconds(2);
        });
    }

    @Test
    void includeCyclesAreRefused() {
        ProbeFiles files = new ProbeFiles(folder);
        files.write("a.yaml", "suite: s\ninclude: [b.yaml]\nprobes: [{ id: a, pass: {} }]\n");
        files.write("b.yaml", "include: [a.yaml]\nprobes: [{ id: b, pass: {} }]\n");
        assertThatThrownBy(() -> files.load(folder.resolve("a.yaml")))
                .isInstanceOf(InvalidSuiteException.class)
                .hasMessageContaining("include cycle");
    }

    @Test
    void missingFilesAndEmptyFoldersAreNamed() {
        ProbeFiles files = new ProbeFiles(folder);
        assertThatThrownBy(() -> files.load(folder.resolve("nope.yaml")))
                .isInstanceOf(InvalidSuiteException.class)
                .hasMessageContaining("no such file or folder: " + folder.resolve("nope.yaml"));
        assertThatThrownBy(() -> files.load(folder))
                .isInstanceOf(InvalidSuiteException.class)
                .hasMessageContaining("no probe files (*.yaml, *.yml, *.json) in folder " + folder);
    }

    @Test
    void jsonProbeFilesUseTheSameModelAndReportLocations() {
        ProbeFiles files = new ProbeFiles(folder);
        Path file = files.write("p.json", """
                {
                  "suite": "s",
                  "probes": [
                    { "id": "a", "pass": {} },
                    { "id": "b", "timeout": "soon", "pass": {} }
                  ]
                }
                """);
        assertThatThrownBy(() -> files.load(file))
                .isInstanceOfSatisfying(InvalidSuiteException.class, invalid ->
                        assertThat(described(invalid.problems())).containsExactly(
                                "5:29 b: timeout: expected a duration like 500ms, 5s, 2m, 1h or 1m30s, found 'soon'"));
    }

    @Test
    void probesFromTheClasspathLoad() {
        List<Suite> suites = SuiteLoader.builder().build().load(List.of("classpath:postpatch-test/"));
        assertThat(suites).singleElement().satisfies(suite -> assertThat(suite.name()).isEqualTo("from-classpath"));
    }

    @Test
    void includedFilesGetTheIncludersDefaultsWhateverOrderTheFolderListsThemIn() {
        ProbeFiles files = new ProbeFiles(folder);
        files.write("suite/a-common/part.yaml", "probes:\n  - id: shared\n    pass: {}\n");
        files.write("suite/b-main.yaml", """
                suite: orders
                defaults: { timeout: 2s, retry: 30s }
                include: [a-common/]
                probes:
                  - id: own
                    pass: {}
                """);
        Suite suite = files.load(folder.resolve("suite")).get(0);
        assertThat(suite.probe("shared").orElseThrow().timeout()).hasSeconds(2);
        assertThat(suite.probe("shared").orElseThrow().retry().until()).hasSeconds(30);
    }
}
