package org.postpatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.postpatch.config.Environment;
import org.postpatch.config.SuiteLoader;
import org.postpatch.model.Suite;
import org.postpatch.result.RunResult;
import org.postpatch.run.Runner;
import org.postpatch.secret.Redactor;

/** Writes probe files into a test's temporary folder, loads and runs them. */
public final class ProbeFiles {

    private final Path folder;
    private Environment environment = Environment.system();

    public ProbeFiles(Path folder) {
        this.folder = folder;
    }

    /** Uses these environment variables on top of the real environment. */
    public ProbeFiles withEnvironment(Map<String, String> values) {
        this.environment = Environment.system().overriddenBy(values);
        return this;
    }

    public Path folder() {
        return folder;
    }

    /** Writes a file (folders created) and returns its path. */
    public Path write(String name, String content) {
        Path file = folder.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Loads the suites of the given files or folders. */
    public List<Suite> load(Path... paths) {
        return loader().load(java.util.Arrays.stream(paths).map(Path::toString).toList());
    }

    public SuiteLoader loader() {
        return SuiteLoader.builder().environment(environment).build();
    }

    /** Writes {@code probes.yaml} with this content, loads and runs it with default settings. */
    public RunResult run(String yaml) {
        return run(Runner.builder().attachments(folder.resolve("attachments")), write("probes.yaml", yaml));
    }

    /** Loads and runs files with a configured runner. */
    public RunResult run(Runner.Builder runner, Path... paths) {
        Redactor redactor = new Redactor();
        List<Suite> suites = SuiteLoader.builder().environment(environment).redactor(redactor).build()
                .load(java.util.Arrays.stream(paths).map(Path::toString).toList());
        return runner.redactor(redactor).build().run(suites);
    }
}
