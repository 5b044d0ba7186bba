package org.postpatch.probes.system;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.postpatch.config.InvalidSuiteException;
import org.postpatch.config.Problem;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;
import org.postpatch.testing.ProbeFiles;

/** Runs and loads probe files for the tests of this module, through postpatch's real loader and engine. */
public final class SystemProbeRuns {

    private SystemProbeRuns() {
    }

    /** Runs a suite holding exactly one probe and returns its result. */
    public static ProbeResult runOne(Path folder, String probeYaml) {
        RunResult run = new ProbeFiles(folder).run(suite(probeYaml));
        return run.probes().get(0);
    }

    /** The problems postpatch reports when loading a suite holding this one probe, which must be invalid. */
    public static List<Problem> problems(Path folder, String probeYaml) {
        ProbeFiles files = new ProbeFiles(folder);
        Path file = files.write("invalid.yaml", suite(probeYaml));
        InvalidSuiteException[] thrown = new InvalidSuiteException[1];
        assertThatThrownBy(() -> {
            try {
                files.load(file);
            } catch (InvalidSuiteException invalid) {
                thrown[0] = invalid;
                throw invalid;
            }
        }).isInstanceOf(InvalidSuiteException.class);
        return thrown[0].problems();
    }

    /** The probe, indented as an item of {@code probes:}, in a suite named {@code system}. */
    public static String suite(String probeYaml) {
        StringBuilder yaml = new StringBuilder("suite: system\nprobes:\n");
        probeYaml.stripIndent().lines().forEach(line -> yaml.append("  ").append(line).append('\n'));
        return yaml.toString();
    }
}
