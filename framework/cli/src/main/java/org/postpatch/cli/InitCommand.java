package org.postpatch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.postpatch.cli.init.Discovery;
import org.postpatch.cli.init.NoAnswerException;
import org.postpatch.cli.init.StarterProbe;
import org.postpatch.cli.init.StarterSuite;
import org.postpatch.cli.init.SuiteCheck;
import org.postpatch.cli.init.SuiteWriter;
import org.postpatch.cli.init.Target;
import org.postpatch.cli.init.UnusableDocumentException;
import org.postpatch.config.Environment;
import org.postpatch.config.InvalidSuiteException;
import org.postpatch.config.IoProblems;
import org.postpatch.config.SuiteLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code postpatch init}: a starter suite from what a running application shows of itself. */
@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a starter suite for a running application, from its Actuator and OpenAPI document.",
                "",
                "A health probe (Spring Boot Actuator's, else /health and the like, else the root URL), a version probe "
                        + "(Actuator's info), and a probe per GET operation without parameters of its OpenAPI document (the "
                        + "status and the response's schema), or else of Actuator's mappings. Only GET requests, no "
                        + "credentials. Every probe written passed against the application; what could not be discovered "
                        + "is said, on the terminal and in the file.",
                "Without --out the suite goes to standard output, and the progress to standard error."},
        footer = {"", "Example: postpatch init http://localhost:8080 --out probes.yaml && postpatch run probes.yaml"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the suite was written", "2:bad input: the URL, an --out file that exists (without --force), "
                + "an --openapi document that is missing, does not answer or is not OpenAPI 3",
                "3:could not complete: nothing answers at URL (nothing was written), interrupted"})
final class InitCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "URL", description = "The application's base URL: http://host:port, and a path if it has one.")
    String url;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the suite to this file (default: standard output).")
    Path out;

    @Option(names = "--force", description = "Replace the --out file if it exists.")
    boolean force;

    @Option(names = "--openapi", paramLabel = "FILE|URL",
            description = "The application's OpenAPI 3.0 or 3.1 document (JSON or YAML), instead of looking for one at "
                    + "/v3/api-docs, /openapi.json and /openapi.yaml.")
    String openApi;

    @Option(names = "--suite", paramLabel = "NAME",
            description = "The suite's name (default: the application's, from Actuator's info or the OpenAPI title).")
    String suite;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "10s",
            description = "How long each request may take, while looking and in the written probes (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--max-probes", paramLabel = "N", defaultValue = "25",
            description = "The most probes written from the OpenAPI document or the mappings (default: ${DEFAULT-VALUE}).")
    int maxProbes;

    private final Output output;

    InitCommand(Output output) {
        this.output = output;
    }

    @Override
    public Integer call() {
        if (maxProbes < 1) {
            throw new BadInputException("--max-probes must be at least 1, was " + maxProbes);
        }
        if (out != null && Files.exists(out) && (!force || Files.isDirectory(out))) {
            throw new BadInputException("--out " + out + (Files.isDirectory(out) ? " is a folder" : " exists: give --force to replace it"));
        }
        PrintStream progressStream = out == null ? output.err() : output.out();
        Consumer<String> progress = line -> {
            progressStream.println(output.redactor().redact(line));
            progressStream.flush();
        };
        Target target;
        try {
            target = Target.of(url, timeout);
        } catch (IllegalArgumentException badUrl) {
            throw new BadInputException(badUrl.getMessage());
        }
        try (target) {
            Discovery.Settings settings = new Discovery.Settings(command(), Optional.ofNullable(openApi), Optional.ofNullable(suite),
                    maxProbes);
            SuiteWriter writer = new SuiteWriter(timeout);
            StarterSuite checked = new SuiteCheck(writer, output.redactor(), progress)
                    .check(Discovery.discover(target, settings, progress));
            write(writer.write(checked, out == null ? "FILE" : out.getFileName().toString()), checked);
            conclude(checked, progress);
            return ExitCodes.PASS;
        } catch (NoAnswerException silent) {
            output.error("could not complete: nothing answers at " + target.url() + ": " + silent.getMessage()
                    + ". Is the application running there? Nothing was written.");
            return ExitCodes.INCOMPLETE;
        } catch (UnusableDocumentException unusable) {
            throw new BadInputException(unusable.getMessage());
        } catch (IOException unwritable) {
            output.error("could not complete: " + unwritable.getMessage());
            return ExitCodes.INCOMPLETE;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            output.error("interrupted; nothing was written");
            return ExitCodes.INCOMPLETE;
        }
    }

    /** Writes the suite, once it validates, to --out (atomically) or standard output. */
    private void write(String yaml, StarterSuite suite) throws IOException {
        Path folder = out == null ? null : out.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        Path draft = folder == null ? Files.createTempFile("postpatch-init-", ".yaml")
                : Files.createTempFile(folder, "." + out.getFileName(), ".tmp");
        draft.toFile().deleteOnExit(); // also on Ctrl-C, which ends the JVM through its shutdown hooks
        try {
            Files.writeString(draft, yaml, StandardCharsets.UTF_8);
            try {
                SuiteLoader.builder().environment(Environment.system()).redactor(output.redactor()).build()
                        .load(List.of(draft.toString()));
            } catch (InvalidSuiteException invalid) {
                throw new IllegalStateException("the suite written for " + suite.url() + " does not validate: " + invalid.problems());
            }
            if (out == null) {
                output.out().print(yaml);
                output.out().flush();
            } else {
                Files.move(draft, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                writeSchema(folder.resolve(SuiteWriter.PROBE_FILE_SCHEMA));
            }
        } catch (IOException unwritable) {
            throw new IOException("cannot write " + (out == null ? "the suite" : out) + ": " + IoProblems.describe(unwritable),
                    unwritable);
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    /** The schema the suite's first line names, for editors; one already there (maybe newer) stays. */
    private static void writeSchema(Path schema) throws IOException {
        if (Files.exists(schema)) {
            return;
        }
        try (InputStream bundled = SuiteWriter.class.getResourceAsStream(SuiteWriter.PROBE_FILE_SCHEMA)) {
            if (bundled == null) {
                throw new IllegalStateException(SuiteWriter.PROBE_FILE_SCHEMA + " is missing from the postpatch jar");
            }
            Files.copy(bundled, schema);
        }
    }

    private void conclude(StarterSuite suite, Consumer<String> progress) {
        List<String> ids = suite.probes().stream().map(StarterProbe::id).toList();
        progress.accept((out == null ? "Printed" : "Wrote " + out + ":") + " suite " + suite.name() + ", " + ids.size()
                + (ids.size() == 1 ? " probe" : " probes") + " (" + String.join(", ", ids) + ").");
        if (!suite.notes().isEmpty()) {
            progress.accept("Not discovered, or left out (also in the file's header):");
            suite.notes().forEach(note -> progress.accept("  - " + note));
        }
        String file = out == null ? "FILE" : out.toString();
        progress.accept("Next: postpatch validate " + file + " && postpatch run " + file);
    }

    /** The command as the file's header quotes it: what was asked, without where it was written. */
    private String command() {
        return "postpatch init " + url + (openApi == null ? "" : " --openapi " + openApi) + (suite == null ? "" : " --suite " + suite);
    }
}
