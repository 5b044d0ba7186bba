package org.postpatch.testkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apiguardian.api.API;
import org.postpatch.report.ConsoleReport;
import org.postpatch.report.Reports;
import org.postpatch.report.RunReport;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;
import org.postpatch.run.Runner;
import org.postpatch.secret.Redactor;

/**
 * A run of a probe file through the real loader, engine and runner, with everything an operator sees:
 * the console view, the JSON and JUnit XML reports, and whatever the probes wrote to standard output
 * and standard error meanwhile (REST Assured's logs). The reports are rendered with a redactor that
 * knows no secrets, so a secret in them proves that the engine let it through. Made by
 * {@link ProbeTestKit#render}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RenderedRun(RunResult run, String console, String json, String junitXml, String stdout, String stderr) {

    /** Runs the YAML and captures every output. */
    static RenderedRun of(ProbeTestKit kit, int parallel, String yaml) {
        ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
        Redactor knowsNoSecrets = new Redactor();
        ConsoleReport console = new ConsoleReport(new PrintStream(consoleBytes, true, StandardCharsets.UTF_8),
                knowsNoSecrets, false);
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        RunResult run;
        try {
            System.setOut(new PrintStream(new Tee(outBytes, realOut), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new Tee(errBytes, realErr), true, StandardCharsets.UTF_8));
            run = kit.run(Runner.builder().parallel(parallel).observer(console).attachments(kit.folder().resolve("attachments")),
                    kit.write("probes.yaml", yaml));
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }
        console.summary(run);
        return new RenderedRun(run, consoleBytes.toString(StandardCharsets.UTF_8),
                Reports.JSON.render(RunReport.of(run, knowsNoSecrets)), Reports.JUNIT.render(RunReport.of(run, knowsNoSecrets)),
                outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    }

    /** The result of one probe. */
    public ProbeResult probe(String id) {
        return run.probes().stream().filter(probe -> probe.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no probe '" + id + "' in " + run.probes()));
    }

    /** Every output together, for checking that something appears in none of them. */
    public String everything() {
        return String.join("\n", console, json, junitXml, stdout, stderr);
    }

    /** Writes to a buffer and on to the real stream, so the build log still shows the output. */
    private static final class Tee extends java.io.OutputStream {
        private final java.io.OutputStream first;
        private final java.io.OutputStream second;

        Tee(java.io.OutputStream first, java.io.OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }

        @Override
        public void flush() throws java.io.IOException {
            first.flush();
            second.flush();
        }
    }
}
