package org.postpatch.junit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.postpatch.report.ConsoleReport;
import org.postpatch.report.JsonReport;
import org.postpatch.report.JunitXmlReport;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;
import org.postpatch.run.Runner;
import org.postpatch.secret.Redactor;
import org.postpatch.testing.ProbeFiles;

/**
 * A run of a probe file through the real loader, engine and runner, with everything an operator sees:
 * the live console view and its summary, the JSON report and the JUnit XML report. The reports are
 * rendered with a fresh redactor that knows no secrets, so a secret in them proves that the engine let
 * it through.
 */
record RenderedRun(RunResult run, String console, String json, String junitXml) {

    static RenderedRun of(Path folder, Map<String, String> environment, String yaml) {
        ProbeFiles files = new ProbeFiles(folder).withEnvironment(environment);
        ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
        PrintStream consoleOut = new PrintStream(consoleBytes, true, StandardCharsets.UTF_8);
        Redactor knowsNoSecrets = new Redactor();
        ConsoleReport console = new ConsoleReport(consoleOut, knowsNoSecrets, false);
        RunResult run = files.run(Runner.builder().observer(console).attachments(folder.resolve("attachments")),
                files.write("probes.yaml", yaml));
        console.summary(run);
        return new RenderedRun(run, consoleBytes.toString(StandardCharsets.UTF_8),
                new JsonReport(knowsNoSecrets).render(run), new JunitXmlReport(knowsNoSecrets).render(run));
    }

    ProbeResult probe(String id) {
        return run.probes().stream().filter(probe -> probe.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no probe '" + id + "' in " + run.probes()));
    }

    /** Console, JSON and JUnit XML together, for checking that something appears in none of them. */
    String everything() {
        return console + "\n" + json + "\n" + junitXml;
    }
}
