package org.postpatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.spi.Key;
import org.postpatch.spi.Shape;
import org.postpatch.testing.ProbeFiles;

/** The declared keys of a probe file, of its defaults and of every probe are the keys the loader reads. */
class ProbeFileFormatTest {

    /** A valid value for each declared key; a key declared without one here fails the test, by name. */
    private static final Map<String, String> SAMPLES = Map.ofEntries(
            Map.entry("suite", "format"), Map.entry("description", "all the keys"), Map.entry("vars", "{ base: x }"),
            Map.entry("include", "[]"), Map.entry("classes", "[]"), Map.entry("id", "p"), Map.entry("needs", "[]"),
            Map.entry("severity", "warning"), Map.entry("timeout", "5s"), Map.entry("retry", "{ until: 1s, every: 100ms }"),
            Map.entry("tags", "[smoke]"), Map.entry("latency", "{ ratio: 2, margin: 250ms, severity: warning }"));

    @TempDir
    Path folder;

    @Test
    void aFileUsingEveryDeclaredKeyLoads() {
        StringBuilder file = new StringBuilder();
        for (Key key : ProbeFileFormat.FILE.keys()) {
            if (key.name().equals("defaults")) {
                file.append("defaults: ").append(flow(ProbeFileFormat.DEFAULTS)).append('\n');
            } else if (key.name().equals("probes")) {
                file.append("probes:\n  - ").append(flow(ProbeFileFormat.PROBE).replaceFirst("^\\{ ", "{ pass: {}, "))
                        .append('\n');
            } else {
                file.append(key.name()).append(": ").append(sample(key)).append('\n');
            }
        }
        ProbeFiles files = new ProbeFiles(folder);

        assertThat(files.load(files.write("format.yaml", file.toString()))).singleElement()
                .satisfies(suite -> assertThat(suite.probes()).singleElement().satisfies(probe ->
                        assertThat(probe.timeout()).hasSeconds(5)));
    }

    @Test
    void theLoaderNamesExactlyTheDeclaredKeysOfAFile() {
        ProbeFiles files = new ProbeFiles(folder);
        List<Problem> problems = new java.util.ArrayList<>();
        try {
            files.load(files.write("unknown.yaml", "suite: s\nprobs: x\nprobes: [ { id: p, pass: {} } ]\n"));
        } catch (InvalidSuiteException invalid) {
            problems.addAll(invalid.problems());
        }

        String declared = ProbeFileFormat.FILE.keys().stream().map(Key::name).collect(Collectors.toCollection(TreeSet::new))
                .stream().collect(Collectors.joining(", "));
        assertThat(problems).extracting(Problem::message).containsExactly("unknown key 'probs' (did you mean 'probes'?)"
                + " (a probe file has: " + declared + ")");
    }

    private static String flow(Shape block) {
        return block.keys().stream().map(key -> key.name() + ": " + sample(key)).collect(Collectors.joining(", ", "{ ", " }"));
    }

    private static String sample(Key key) {
        String sample = SAMPLES.get(key.name());
        assertThat(sample).as("a sample value for the declared key '" + key.name() + "'").isNotNull();
        return sample;
    }
}
