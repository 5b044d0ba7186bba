package org.postpatch.cli.init;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.postpatch.config.Durations;

/** Writes a starter suite as a commented probe file. */
public final class SuiteWriter {

    /**
     * The probe-file JSON Schema that editors read from the first line of a written suite: a file next
     * to it (the project publishes no URL for it; a copy works offline and matches this version),
     * which init writes there. In this jar, a resource beside this class.
     */
    public static final String PROBE_FILE_SCHEMA = "probe-file.schema.json";

    /** How long the health probe is polled after a restart, as the sample applications do. */
    static final String WARM_UP = "{ until: 60s, every: 1s }";

    private final Duration timeout;

    /** @param timeout each probe's timeout (the file's {@code defaults.timeout}) */
    public SuiteWriter(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * The probe file as it is written for the user, with the health probe's warm-up retry; {@code file}
     * is its name in the header's commands.
     */
    public String write(StarterSuite suite, String file) {
        return write(suite, file, true);
    }

    /**
     * The probe file; {@code warmUp} false leaves out the health probe's retry (for init's own
     * check, which must not wait a minute on an application that is down).
     */
    public String write(StarterSuite suite, String file, boolean warmUp) {
        StringBuilder out = new StringBuilder(4096);
        header(out, suite, file);
        out.append("suite: ").append(Yaml.scalar(suite.name())).append('\n');
        out.append("vars:\n");
        out.append("  base: ").append("${env:").append(suite.urlVariable()).append(":-").append(suite.url()).append('}')
                .append("    # or --var base=URL: another node, another environment\n");
        out.append("defaults:\n");
        out.append("  timeout: ").append(Durations.format(timeout)).append('\n');
        out.append("probes:\n");
        boolean first = true;
        for (StarterProbe probe : suite.probes()) {
            if (!first) {
                out.append('\n');
            }
            first = false;
            probe(out, probe, warmUp);
        }
        return out.toString();
    }

    private static void header(StringBuilder out, StarterSuite suite, String file) {
        out.append("# yaml-language-server: $schema=").append(PROBE_FILE_SCHEMA).append('\n');
        out.append("#\n");
        comment(out, "", "", "A starter suite for " + suite.name() + ", written by `" + suite.command() + "` on "
                + LocalDate.now(ZoneOffset.UTC) + ".");
        comment(out, "", "", "Found: " + (suite.sources().isEmpty() ? "nothing to describe the application"
                : String.join("; ", suite.sources())) + ".");
        if (!suite.checked().isEmpty()) {
            comment(out, "", "", suite.checked());
        }
        comment(out, "", "", "It only reads (GET). Add what matters to the application's users (placing an order, logging in):");
        comment(out, "", "", "it is a start, to make yours.");
        comment(out, "", "", "Check it:  postpatch validate " + file);
        comment(out, "", "", "Run it:    postpatch run " + file + " --var base=URL");
        if (!suite.notes().isEmpty()) {
            out.append("#\n");
            comment(out, "", "", "Not discovered, or left out:");
            for (String note : suite.notes()) {
                comment(out, "", "  - ", note);
            }
        }
        out.append('\n');
    }

    private static void probe(StringBuilder out, StarterProbe probe, boolean warmUp) {
        for (String comment : probe.comments()) {
            comment(out, "  ", "", comment);
        }
        out.append("  - id: ").append(Yaml.scalar(probe.id())).append('\n');
        out.append("    description: ").append(Yaml.scalar(probe.description())).append('\n');
        if (!probe.needs().isEmpty()) {
            out.append("    needs: [").append(String.join(", ", probe.needs().stream().map(Yaml::scalar).toList())).append("]\n");
        }
        if (probe.warmUp() && warmUp) {
            out.append("    retry: ").append(WARM_UP).append("    # right after a restart the application may still be starting\n");
        }
        out.append("    http:\n");
        Yaml.block(out, 6, probe.http());
    }

    /** A comment at {@code indent}, wrapped; {@code bullet} starts its first line ("- "), continuation lines align. */
    private static void comment(StringBuilder out, String indent, String bullet, String text) {
        List<String> lines = wrap(Yaml.commentText(text), 100 - indent.length() - bullet.length());
        for (int i = 0; i < lines.size(); i++) {
            out.append(indent).append("# ").append(i == 0 ? bullet : " ".repeat(bullet.length())).append(lines.get(i)).append('\n');
        }
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
