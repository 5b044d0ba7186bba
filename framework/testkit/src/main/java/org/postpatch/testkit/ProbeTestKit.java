package org.postpatch.testkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.postpatch.config.Environment;
import org.postpatch.config.InvalidSuiteException;
import org.postpatch.config.Problem;
import org.postpatch.config.SuiteLoader;
import org.postpatch.engine.ExecutionSettings;
import org.postpatch.model.Suite;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;
import org.postpatch.run.Runner;
import org.postpatch.secret.Redactor;

/**
 * Tests a probe kind the way postpatch runs it: a probe file written into a test's folder, read by the
 * real loader (the kinds on the classpath, found by ServiceLoader), run by the real engine. What a
 * kind author needs, as JUnit's {@code EngineTestKit} is for engine authors:
 * <pre>{@code
 * ProbeTestKit kit = ProbeTestKit.in(tempDir);
 * ProbeResult result = kit.runProbe("""
 *         - id: db-port
 *           tcp: { host: localhost, port: 5432 }
 *         """);
 * List<Problem> problems = kit.problemsOfProbe("- id: bad\n  tcp: { host: localhost, port: 70000 }");
 * }</pre>
 * Immutable: {@link #withEnvironment} returns a new kit.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ProbeTestKit {

    private final Path folder;
    private final Map<String, String> environment;

    private ProbeTestKit(Path folder, Map<String, String> environment) {
        this.folder = folder;
        this.environment = Map.copyOf(environment);
    }

    /** A kit writing its files (and the runs' attachments) into {@code folder}, usually a {@code @TempDir}. */
    public static ProbeTestKit in(Path folder) {
        return new ProbeTestKit(folder, Map.of());
    }

    /** The same kit, with these environment variables on top of the real ones ({@code ${env:...}}, {@code ${secret:...}}). */
    public ProbeTestKit withEnvironment(Map<String, String> values) {
        return new ProbeTestKit(folder, values);
    }

    /** A probe file holding these probe list items ({@code - id: ...}), in a suite named {@code test}. */
    public static String suite(String probeItems) {
        StringBuilder yaml = new StringBuilder("suite: test\nprobes:\n");
        probeItems.stripIndent().lines().forEach(line -> yaml.append("  ").append(line).append('\n'));
        return yaml.toString();
    }

    public Path folder() {
        return folder;
    }

    /** Writes a file under the folder (its folders created) and returns its path. */
    public Path write(String name, String content) {
        Path file = folder.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
        return file;
    }

    /**
     * Loads the suites of these files or folders.
     *
     * @throws InvalidSuiteException when a file is invalid, with every problem
     */
    public List<Suite> load(Path... paths) {
        return loader(new Redactor()).load(names(paths));
    }

    /** The problems postpatch reports for this probe file, which must be invalid. */
    public List<Problem> problems(String yaml) {
        Path file = write("probes.yaml", yaml);
        try {
            load(file);
        } catch (InvalidSuiteException invalid) {
            return invalid.problems();
        }
        throw new AssertionError("expected postpatch to refuse this probe file, but it is valid:\n" + yaml);
    }

    /** The problems postpatch reports for these probe list items, which must be invalid. */
    public List<Problem> problemsOfProbe(String probeItems) {
        return problems(suite(probeItems));
    }

    /** Writes {@code probes.yaml} with this content and runs it with default settings. */
    public RunResult run(String yaml) {
        return run(Runner.builder().attachments(folder.resolve("attachments")), write("probes.yaml", yaml));
    }

    /** Runs the suite holding these probe list items and returns the first probe's result. */
    public ProbeResult runProbe(String probeItems) {
        return run(suite(probeItems)).probes().get(0);
    }

    /** Loads and runs these files with a configured runner; secrets met while loading stay masked. */
    public RunResult run(Runner.Builder runner, Path... paths) {
        Redactor redactor = new Redactor();
        List<Suite> suites = loader(redactor).load(names(paths));
        return runner.redactor(redactor).build().run(suites);
    }

    /** Runs the probe file and keeps everything an operator sees: console, reports, output; default parallelism. */
    public RenderedRun render(String yaml) {
        return render(ExecutionSettings.DEFAULT_PARALLEL, yaml);
    }

    /** Runs the probe file, {@code parallel} probes at a time, and keeps everything an operator sees. */
    public RenderedRun render(int parallel, String yaml) {
        return RenderedRun.of(this, parallel, yaml);
    }

    private SuiteLoader loader(Redactor redactor) {
        return SuiteLoader.builder().environment(Environment.system().overriddenBy(environment)).redactor(redactor).build();
    }

    private static List<String> names(Path... paths) {
        return Arrays.stream(paths).map(Path::toString).toList();
    }
}
