package org.postpatch.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.postpatch.run.Runner;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of the verbs that run probes once and report: run, baseline, verify. */
public final class RunOptions {

    @Mixin
    RunnerOptions runner;

    @Option(names = "--tags", paramLabel = "EXPR",
            description = "Run only probes whose tags match, like 'smoke & !slow', plus the probes they need.")
    String tags;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "A deadline for the whole run, like 5m; probes still running are abandoned.")
    Duration timeout;

    @Option(names = "--report", paramLabel = "FORMAT=FILE", converter = ReportOption.Converter.class,
            description = "Also write a report: json=FILE, junit=FILE, html=FILE or prometheus=FILE (repeatable).")
    List<ReportOption> reports = new ArrayList<>();

    @Option(names = "--fail-on-warn", description = "Exit 1 when only warning probes failed (WARN).")
    boolean failOnWarn;

    @Option(names = "--attachments", paramLabel = "DIR",
            description = "Where screenshots and other attachments go (default: next to the first report).")
    Path attachments;

    /** The attachment folder: as given, next to the first report, or in the temporary folder. */
    Path attachmentFolder() {
        if (attachments != null) {
            return attachments;
        }
        if (!reports.isEmpty()) {
            Path parent = reports.get(0).file().toAbsolutePath().getParent();
            return parent.resolve(Runner.ATTACHMENTS_FOLDER);
        }
        return Runner.defaultAttachments();
    }
}
